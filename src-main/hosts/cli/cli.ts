import { parseArgs } from "node:util";
import { LocusError } from "@common/errors.js";
import { defaultDataDir } from "../../services/defaultDataDir.js";
import { createCliServices, type CliServices } from "./createCliServices.js";
import { runAdvise } from "./runAdvise.js";
import { runAsk } from "./runAsk.js";
import { runIngest, type CliOutput } from "./runIngest.js";
import { runTrain } from "./runTrain.js";
import { UsageError } from "./UsageError.js";

const USAGE = `Usage:
  locus ingest <files or folders...> [--collection NAME] [--embedding-model PATH] [--data DIR] [--threads N] [--cpu]
  locus ask "<question>" [--collection NAME]... [--model PATH] [--embedding-model PATH] [--data DIR] [--threads N] [--max-tokens N] [--cpu]
  locus train --docs <files, folders or document ids...> --minutes N [--qa FILE] [--name NAME] [--activate] [--model PATH] [--embedding-model PATH] [--data DIR] [--threads N]
  locus advise --minutes N [--json] [--apply] [--model PATH] [--data DIR] [--threads N]

Indexes documents into the same library the app uses, answers questions from it with citations, and
teaches the chat model your documents (a LoRA adapter) within a time budget, and measures which of these
answers best on your documents (the Advisor).
  --embedding-model PATH  GGUF embedding model (default: the one chosen in the app's Settings)
  --model PATH            GGUF chat model for ask (default: the one last loaded in the app)
  --data DIR              where Locus keeps its database (default: the app's folder, or LOCUS_DATA_DIR)
  --threads N             llama.cpp threads (default: all CPU math cores; never more)
  --max-tokens N          longest answer, in tokens (default 512)
  --collection NAME       ingest: put the files (and folders, with files found in them later) in this collection,
                          created if new; ask: search only this collection (repeat for several)
  --docs ...              train: what to learn from; files and folders not in the library are indexed first
  --minutes N             train: the time budget (Ctrl-C stops early and keeps the best adapter)
  --name NAME             train: the adapter's name (default: its documents and the date)
  --qa FILE               train: also learn question-answer pairs (JSON Lines: {"question": "…", "answer": "…"} a line)
  --activate              train: make the new adapter the one the app's chat uses
  --minutes N             advise: the time budget for measuring (Ctrl-C stops early and keeps the figures so far)
  --json                  advise: print the run (setups, figures, recommendation) as JSON
  --apply                 advise: put the recommendation into effect for the app (model, learning method, adapter)
  --cpu                   do not use a GPU (or set LOCUS_GPU=false)

Exit codes: 0 done, 1 some documents failed or the command could not finish, 2 wrong usage.`;

const output: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line), stream: process.stdout };

async function main(argv: readonly string[]): Promise<number> {
    const { values, positionals } = parseArgs({
        args: [...argv], allowPositionals: true, strict: true,
        options: {
            data: { type: "string" }, "embedding-model": { type: "string" }, model: { type: "string" },
            threads: { type: "string" }, "max-tokens": { type: "string" }, cpu: { type: "boolean" }, help: { type: "boolean", short: "h" },
            docs: { type: "string", multiple: true }, collection: { type: "string", multiple: true }, minutes: { type: "string" }, name: { type: "string" }, activate: { type: "boolean" }, qa: { type: "string" },
            json: { type: "boolean" }, apply: { type: "boolean" }
        }
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === "help") {
        console.log(USAGE);
        return command === undefined && !values.help ? 2 : 0;
    }
    if (command !== "ingest" && command !== "ask" && command !== "train" && command !== "advise")
        throw new UsageError(`Unknown command "${command}". Use ingest, ask, train or advise.`);
    const maxTokens = values["max-tokens"] ? positive(values["max-tokens"], "--max-tokens") : 512;
    // Checked before any model or database is opened, so a typo costs nothing.
    if (command === "ingest" && rest.length === 0) throw new UsageError("Name the files or folders to index: locus ingest <paths...>");
    if (command === "ask" && rest.join(" ").trim() === "") throw new UsageError('Ask a question: locus ask "What is the notice period?"');
    // `--docs a b c`: parseArgs takes only "a" as the flag's value; the rest arrive as positionals.
    const docs = [...(values.docs ?? []), ...rest];
    if (command === "train" && docs.length === 0) throw new UsageError("Name the documents to learn from: locus train --docs <paths or ids...> --minutes N");
    if (command === "train" && values.minutes === undefined) throw new UsageError("Give the time budget: locus train --docs <paths or ids...> --minutes N");
    if (command === "advise" && values.minutes === undefined) throw new UsageError("Give the time budget: locus advise --minutes N");
    const minutes = command === "train" || command === "advise" ? positive(values.minutes ?? "", "--minutes") : 0;

    const services: CliServices = await createCliServices({
        dataDir: values.data ?? defaultDataDir(),
        gpu: values.cpu || process.env.LOCUS_GPU === "false" ? false : "auto",
        ...(values.threads ? { threads: positive(values.threads, "--threads") } : {}),
        ...(values["embedding-model"] ? { embeddingModelPath: values["embedding-model"] } : {}),
        ...(values.model ? { chatModelPath: values.model } : {})
    });
    try {
        if (command === "advise") return await runAdvise(services, { minutes, json: values.json ?? false, apply: values.apply ?? false }, output);
        if (command === "train")
            return await runTrain(services, {
                docs, minutes, activate: values.activate ?? false, ...(values.name ? { name: values.name } : {}), ...(values.qa ? { qaFile: values.qa } : {})
            }, output);
        const collections = values.collection ?? [];
        if (command === "ingest" && collections.length > 1) throw new UsageError("A file belongs to one collection: give --collection once.");
        return command === "ingest"
            ? await runIngest(services, rest, output, collections[0] === undefined ? {} : { collection: collections[0] })
            : await runAsk(services, rest.join(" "), { maxTokens, collections }, output);
    } finally {
        await services.dispose();
    }
}

function positive(value: string, flag: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number, got "${value}".`);
    return n;
}

/** parseArgs reports unknown or malformed options with these codes: the person's mistake, so exit 2. */
function isUsageProblem(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    return error instanceof UsageError || (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS"));
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
        if (isUsageProblem(error)) {
            console.error(`${(error as Error).message}\n\n${USAGE}`);
            process.exit(2);
        }
        const message = error instanceof LocusError || error instanceof Error ? error.message : String(error);
        console.error(`Locus: ${message}`);
        process.exit(1);
    }
);
