import { parseArgs } from "node:util";
import { LocusError } from "@common/errors.js";
import { defaultDataDir } from "../../services/defaultDataDir.js";
import { createCliServices, type CliServices } from "./createCliServices.js";
import { runAsk } from "./runAsk.js";
import { runIngest, type CliOutput } from "./runIngest.js";
import { UsageError } from "./UsageError.js";

const USAGE = `Usage:
  locus ingest <files or folders...> [--embedding-model PATH] [--data DIR] [--threads N] [--cpu]
  locus ask "<question>" [--model PATH] [--embedding-model PATH] [--data DIR] [--threads N] [--max-tokens N] [--cpu]

Indexes documents into the same library the app uses, and answers questions from it with citations.
  --embedding-model PATH  GGUF embedding model (default: the one chosen in the app's Settings)
  --model PATH            GGUF chat model for ask (default: the one last loaded in the app)
  --data DIR              where Locus keeps its database (default: the app's folder, or LOCUS_DATA_DIR)
  --threads N             llama.cpp threads (default: all CPU math cores; never more)
  --max-tokens N          longest answer, in tokens (default 512)
  --cpu                   do not use a GPU (or set LOCUS_GPU=false)

Exit codes: 0 done, 1 some documents failed or the command could not finish, 2 wrong usage.`;

const output: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line), stream: process.stdout };

async function main(argv: readonly string[]): Promise<number> {
    const { values, positionals } = parseArgs({
        args: [...argv], allowPositionals: true, strict: true,
        options: {
            data: { type: "string" }, "embedding-model": { type: "string" }, model: { type: "string" },
            threads: { type: "string" }, "max-tokens": { type: "string" }, cpu: { type: "boolean" }, help: { type: "boolean", short: "h" }
        }
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === "help") {
        console.log(USAGE);
        return command === undefined && !values.help ? 2 : 0;
    }
    if (command !== "ingest" && command !== "ask") throw new UsageError(`Unknown command "${command}". Use ingest or ask.`);
    const maxTokens = values["max-tokens"] ? positive(values["max-tokens"], "--max-tokens") : 512;
    // Checked before any model or database is opened, so a typo costs nothing.
    if (command === "ingest" && rest.length === 0) throw new UsageError("Name the files or folders to index: locus ingest <paths...>");
    if (command === "ask" && rest.join(" ").trim() === "") throw new UsageError('Ask a question: locus ask "What is the notice period?"');

    const services: CliServices = await createCliServices({
        dataDir: values.data ?? defaultDataDir(),
        gpu: values.cpu || process.env.LOCUS_GPU === "false" ? false : "auto",
        ...(values.threads ? { threads: positive(values.threads, "--threads") } : {}),
        ...(values["embedding-model"] ? { embeddingModelPath: values["embedding-model"] } : {}),
        ...(values.model ? { chatModelPath: values.model } : {})
    });
    try {
        return command === "ingest"
            ? await runIngest(services, rest, output)
            : await runAsk(services, rest.join(" "), { maxTokens }, output);
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
