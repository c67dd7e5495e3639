import { LlamaChatSession } from "node-llama-cpp";
import type { Citation } from "@common/contract/libraryTypes.js";
import { GROUNDED_SAMPLING } from "../../answer/groundedSampling.js";
import type { NumberedSource } from "../../answer/types.js";
import { toEngineAdapter } from "../../personalize/AdapterService.js";
import { AdapterRepository } from "../../store/AdapterRepository.js";
import type { CliServices } from "./createCliServices.js";
import type { CliOutput } from "./runIngest.js";
import { UsageError } from "./UsageError.js";

export type AskOptions = {
    maxTokens: number;
    /** Names of the collections to search (none: the whole library). */
    collections?: readonly string[];
};

/**
 * `locus ask "<question>"`: answers from the library with the chat model, streaming the answer, then
 * lists its sources (file, page, heading). Returns the exit code.
 */
export async function runAsk(services: CliServices, question: string, options: AskOptions, output: CliOutput): Promise<number> {
    if (question.trim() === "") throw new UsageError('Ask a question: locus ask "What does the contract say about notice periods?"');
    if (services.chatModel === null) throw new UsageError("No chat model: pass --model PATH or choose one in the app.");
    const { store, engine, embedders } = services;
    if (store.countChunks() === 0) {
        output.err("The library is empty: index documents first with `locus ingest <files or folders>`.");
        return 1;
    }
    // The query is embedded with the library's model when it can be loaded; otherwise keywords alone are searched.
    if (services.embeddingModel === null) output.err("No embedding model chosen: searching by keywords only.");
    else await embedders.get().catch((error: unknown) => output.err(`Searching by keywords only: ${describe(error)}`));

    // The adapter active in the app applies when this is the model it was trained on.
    const adapter = new AdapterRepository(services.db).active();
    if (adapter !== undefined) await engine.setAdapter(toEngineAdapter(adapter), { refuseOtherBase: false });
    const status = await engine.load(services.chatModel.modelId, services.chatModel.path);
    if (status.adapterNote) output.err(status.adapterNote);
    const { model, context, sequence, parameterCount } = engine.requireLoaded();
    const collectionIds = (options.collections ?? []).map((name) => {
        const found = store.collectionByName(name);
        if (found === undefined) throw new UsageError(`No collection named "${name}". ${describeCollections(store.listCollections().map((c) => c.name))}`);
        return found.id;
    });
    const answerer = await services.answerer(collectionIds.length > 0 ? { collectionIds } : undefined);
    const prepared = await answerer.prepare(question, { contextSize: context.contextSize, countTokens: (text) => model.tokenize(text).length, parameterCount });
    if (prepared.notice) output.err(prepared.notice);

    const session = new LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false, systemPrompt: prepared.systemPrompt });
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once("SIGINT", stop);
    try {
        const result = await session.promptWithMeta(prepared.prompt, {
            signal: controller.signal, stopOnAbortSignal: true, maxTokens: options.maxTokens, ...GROUNDED_SAMPLING,
            onTextChunk: (chunk) => output.stream.write(chunk)
        });
        output.stream.write("\n");
        const { text, citations } = answerer.finish(result.responseText, prepared.sources);
        // The streamed words came before their citations were checked: show the answer as kept when that changed it.
        if (text.trim() !== result.responseText.trim()) output.stream.write(`\nWith its citations checked:\n${text}\n`);
        printSources(citations, prepared.sources, output);
        return 0;
    } finally {
        process.off("SIGINT", stop);
        session.dispose({ disposeSequence: false });
    }
}

function printSources(citations: readonly Citation[], sources: readonly NumberedSource[], output: CliOutput): void {
    if (sources.length === 0) {
        output.out("\nNo passage in the library matched the question.");
        return;
    }
    if (citations.length > 0) {
        output.out("\nSources:");
        for (const citation of citations) output.out(`  [${citation.number}] ${where(citation.documentName, citation.page, citation.headingPath)}`);
        return;
    }
    output.out("\nThe answer cites no source. Passages it was given:");
    for (const { number, chunk } of sources) output.out(`  [${number}] ${where(chunk.documentName, chunk.page, chunk.headingPath)}`);
}

function where(documentName: string, page: number | null, headingPath: readonly string[]): string {
    return [documentName, page === null ? null : `page ${page}`, headingPath.length > 0 ? headingPath.join(" > ") : null]
        .filter((part) => part !== null)
        .join(", ");
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

function describeCollections(names: readonly string[]): string {
    return names.length === 0 ? "There are no collections yet: create one with `locus ingest --collection NAME <paths>`." : `Collections: ${names.join(", ")}.`;
}
