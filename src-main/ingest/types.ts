import type { EmbedderIdentity } from "../engine/Embedder.js";
import type { ParseProgress } from "./parse/parseSchemas.js";
import type { ParsedDocument, ParseLimits } from "./parse/types.js";
import type { LibraryDocument } from "../store/library/types.js";

/** What ingestion needs of a document parser; `ParserClient` fits. */
export interface DocumentParser {
    /** `limits`: the person's current limits (Settings), over the parser's defaults. */
    parse(filePath: string, limits?: Partial<ParseLimits>, options?: { onProgress?: (progress: ParseProgress) => void }): Promise<ParsedDocument>;
    /** Stops the parser; a parse in flight rejects. Ingestion makes a new parser for the next file. */
    dispose(): Promise<void>;
}

/** What ingestion needs of an embedding model; `Embedder` fits. */
export interface IngestEmbedder {
    readonly identity: EmbedderIdentity;
    /** Longest input in tokens: chunks are sized below it. */
    readonly maxInputTokens: number;
    countTokens(text: string): number;
    embedMany(texts: readonly string[], onEach?: (done: number) => void): Promise<ArrayLike<number>[]>;
}

/**
 * Hands ingestion the embedding model to use, loaded with `threads`; null when none is chosen. The
 * provider owns the model (and disposes it): ingestion asks again at each run, so a model chosen or
 * changed in Settings takes effect at the next run.
 */
export type ProvideEmbedder = (request: { threads: number }) => Promise<IngestEmbedder | null>;

/** What `IngestService.add` did with the paths it was given. */
export type AddResult = {
    /** Documents queued for (re)indexing, in the order found. */
    queued: LibraryDocument[];
    /** Files already indexed with the same content, or failed and not changed since: nothing to do. */
    unchanged: LibraryDocument[];
    /** Files in added folders skipped because Locus cannot read their type (e.g. images, archives). */
    skippedUnsupported: number;
    /** Folders among the paths (the host may watch them). */
    folders: string[];
    /** Paths that do not exist (or could not be looked at), as given. */
    notFound: string[];
};
