import { defaultTargetTokens } from "./chunk/chunkDocument.js";
import { embeddingInput } from "./chunk/embeddingInput.js";
import { embedHash } from "./chunk/embedHash.js";
import { embedHashKey } from "../store/library/PendingVectors.js";
import type { LibraryReader } from "../store/library/LibraryReader.js";
import { hashFile as hashFileStreaming } from "../models/download/hashFile.js";
import { EmbeddingModelMismatchError } from "../store/library/EmbeddingModelMismatchError.js";
import type { LibraryWriter } from "../store/library/LibraryWriter.js";
import type { LibraryDocument } from "../store/library/types.js";
import type { DocumentChunk } from "./chunk/types.js";
import { chunkParsedParts } from "./chunkParsedParts.js";
import { partsToSave } from "./partsToSave.js";
import type { ParseProgress } from "./parse/parseSchemas.js";
import type { ParsedDocument, ParseLimits } from "./parse/types.js";
import { pageCountOf } from "./pageCountOf.js";
import { diskFullReason, failureReason } from "./failureReason.js";
import { isDiskFull } from "../store/isDiskFull.js";
import type { DocumentParser, IngestEmbedder } from "./types.js";

/** Tokens kept free below the embedding context: models add special tokens (BOS, [CLS], [SEP]) around the text. */
export const specialTokenMargin = 8;

export type IndexHooks = {
    signal: AbortSignal;
    onChunks: (count: number) => void;
    /** Embedding starts: `toEmbed` distinct new inputs, and `reused` chunks whose vector is known (identical input, or saved before a crash). */
    onEmbeddingPlan?: (plan: { toEmbed: number; reused: number }) => void;
    /** Share of the document done (0..1), for the time estimate. */
    onFraction: (fraction: number) => void;
    /**
     * Asked between embedding batches: true lets smaller documents go first. The vectors so far are
     * saved, so the document later resumes where it stopped.
     */
    shouldYield?: () => boolean;
    /** The document is parsed and chunked, embedding starts: the parser is free for the next document. */
    onParsed?: () => void;
};

/** A document read and chunked ahead of its turn (see `prepare`), or why it cannot be indexed. */
export type PreparedDocument =
    | { status: "ready"; chunks: DocumentChunk[]; parsed: ParsedDocument; contentHash: string; partOf?: number[] | undefined }
    | { status: "failed"; reason: string }
    | { status: "stopped" }
    | { status: "disk-full"; reason: string };

/**
 * `stopped`: cancelled or removed meanwhile; `retry`: the library's embedding model changed under it;
 * `yielded`: paused for smaller documents, its vectors so far saved; `disk-full`: nothing more can be
 * written, the document stays in the queue with the vectors saved so far.
 */
export type IndexOutcome =
    | { status: "indexed"; chunkCount: number; embedded: number; reused: number }
    | { status: "failed"; reason: string }
    | { status: "stopped" }
    | { status: "retry" }
    | { status: "yielded"; embedded: number }
    | { status: "disk-full"; reason: string };

export type DocumentIndexerOptions = {
    store: LibraryWriter & Pick<LibraryReader, "knownVectors">;
    /** The parser to use now; ingestion replaces it after stopping one mid-parse. */
    parser: () => DocumentParser;
    /** Chunks per `embedMany` call; a cancel takes effect between calls. */
    batchSize: number;
    hashFile?: (filePath: string, options: { signal: AbortSignal }) => Promise<string>;
    /** The per-document limits in force now (Settings); the parser's defaults without it. */
    limits?: () => Partial<ParseLimits>;
    /** Scanned pages of `document` read by text recognition so far; null once its parse is over. */
    onReadProgress?: (document: LibraryDocument, progress: ParseProgress | null) => void;
};

/** Indexes one document: hash, parse, chunk, embed in batches, then one transaction to the library. */
export class DocumentIndexer {
    constructor(private readonly options: DocumentIndexerOptions) {}

    /**
     * Hashes, parses (in the parser process) and chunks a document, marking it `parsing`. Ingestion runs it
     * for the next document while the current one is embedding, so parsing never leaves the embedding
     * contexts idle.
     */
    async prepare(document: LibraryDocument, embedder: IngestEmbedder, signal: AbortSignal): Promise<PreparedDocument> {
        const { id, sourcePath, displayName } = document;
        try {
            this.options.store.setStatus(id, "parsing");
            // Hashed before parsing: an edit made during the parse then changes the file's time and hash again,
            // so the next scan re-indexes it, instead of a new hash being stored with chunks of the old text.
            const contentHash = await (this.options.hashFile ?? hashFileStreaming)(sourcePath, { signal });
            const onProgress = (progress: ParseProgress): void => this.options.onReadProgress?.(document, progress);
            const parsed = await this.options.parser().parse(sourcePath, this.options.limits?.(), { onProgress })
                .finally(() => this.options.onReadProgress?.(document, null));
            signal.throwIfAborted();
            const target = Math.min(defaultTargetTokens, embedder.maxInputTokens - specialTokenMargin);
            const { chunks, partOf } = await chunkParsedParts(parsed, (text) => embedder.countTokens(text), target, signal);
            if (chunks.length === 0)
                return { status: "failed", reason: `"${displayName}" contains no text to index. Check that it opens correctly in its usual app.` };
            return { status: "ready", chunks, parsed, contentHash, partOf };
        } catch (error) {
            if (signal.aborted) return { status: "stopped" };
            if (isDiskFull(error)) return { status: "disk-full", reason: diskFullReason(displayName) };
            return { status: "failed", reason: failureReason(error, displayName, "reading") };
        }
    }

    /** Indexes a document; `prepared` is its `prepare` result when that ran ahead (with the same embedder). */
    async index(
        document: LibraryDocument, embedder: IngestEmbedder, modelId: string, hooks: IndexHooks, prepared?: Promise<PreparedDocument>
    ): Promise<IndexOutcome> {
        const { store, batchSize } = this.options;
        const { id, displayName } = document;
        const { signal } = hooks;
        const ready = await (prepared ?? this.prepare(document, embedder, signal));
        if (ready.status !== "ready") return ready;
        if (signal.aborted) return { status: "stopped" };
        const { chunks, parsed, contentHash, partOf } = ready;
        hooks.onParsed?.();
        let step: "embedding" | "saving" = "embedding";
        try {
            hooks.onFraction(0.05);

            store.setStatus(id, "embedding");
            // Each distinct input is embedded once: inputs seen before (in this document, another one, or
            // a run a crash cut short) reuse their vector; new vectors are saved after every batch.
            // A message is embedded under its own subject, not the mailbox's name.
            const titleOf = (index: number): string | undefined => partOf === undefined ? parsed.title : parsed.parts?.[partOf[index]!]?.title;
            const inputs = chunks.map((chunk, index) => embeddingInput(chunk, titleOf(index)));
            const hashes = inputs.map(embedHash);
            const keys = hashes.map(embedHashKey);
            const vectors = store.knownVectors(hashes);
            const missing = new Map<string, number>();
            keys.forEach((key, index) => { if (!vectors.has(key) && !missing.has(key)) missing.set(key, index); });
            const todo = [...missing.values()];
            const reused = chunks.length - todo.length;
            hooks.onEmbeddingPlan?.({ toEmbed: todo.length, reused });
            for (let start = 0; start < todo.length; start += batchSize) {
                signal.throwIfAborted();
                if (start > 0 && hooks.shouldYield?.()) return { status: "yielded", embedded: start };
                const batch = todo.slice(start, start + batchSize);
                const embedded = await embedder.embedMany(batch.map((index) => inputs[index]!), () => hooks.onChunks(1));
                signal.throwIfAborted();
                const saved = batch.map((index, i) => ({ hash: hashes[index]!, vector: Float32Array.from(embedded[i]!) }));
                store.savePendingVectors(id, saved);
                saved.forEach((entry, i) => vectors.set(keys[batch[i]!]!, entry.vector));
                hooks.onFraction(0.05 + (0.95 * (start + batch.length)) / todo.length);
            }
            signal.throwIfAborted();

            step = "saving";
            const details = { embeddingModelId: modelId, title: parsed.title ?? null, format: parsed.format, pageCount: pageCountOf(parsed), contentHash };
            const hashed = chunks.map((chunk, index) => ({ ...chunk, embedHash: hashes[index]! }));
            const chunkVectors = keys.map((key) => vectors.get(key)!);
            if (parsed.parts !== undefined && partOf !== undefined) {
                const unreadable = parsed.unreadableParts ?? 0;
                store.replaceDocumentParts(id, partsToSave(parsed.parts, partOf, hashed, chunkVectors), {
                    ...details, note: unreadable > 0 ? `${unreadable.toLocaleString("en-US")} message(s) could not be read and were left out.` : null
                });
            } else store.replaceDocumentChunks(id, hashed, chunkVectors, details);
            return { status: "indexed", chunkCount: chunks.length, embedded: todo.length, reused };
        } catch (error) {
            if (signal.aborted) return { status: "stopped" };
            if (error instanceof EmbeddingModelMismatchError) return { status: "retry" };
            if (isDiskFull(error)) return { status: "disk-full", reason: diskFullReason(displayName) };
            return { status: "failed", reason: failureReason(error, displayName, step) };
        }
    }
}
