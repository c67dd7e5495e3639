// Public surface of ingestion: the persistent queue, its options and results, and the folder watcher.
export { IngestService, type IngestServiceOptions } from "./IngestService.js";
export { noEmbeddingModelReason } from "./IngestLoop.js";
export { cancelledReason } from "./failureReason.js";
export { embeddingModelId } from "./embeddingModelId.js";
export { isIndexableFileName, supportedExtensions } from "./fileFilters.js";
export { toDocumentInfo } from "./toDocumentInfo.js";
export { TooManyFilesError } from "./TooManyFilesError.js";
export type { AddResult, DocumentParser, ProvideEmbedder, IngestEmbedder } from "./types.js";
