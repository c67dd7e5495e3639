export { ModelDownloadService } from "./ModelDownloadService.js";
export type { ModelDownloadServiceOptions } from "./downloadServiceOptions.js";
export type {
    DownloadEvent, DownloadFailure, DownloadFailureReason, DownloadJob, DownloadListener, DownloadPhase,
    DownloadProgress, DownloadState, Sha256Source
} from "./downloadTypes.js";
export { downloadJobIdSchema, startDownloadSchema } from "./downloadSchemas.js";
export { hashFile } from "./hashFile.js";
export { defaultHubEndpoint } from "./hubUrls.js";
export { DownloadError } from "./errors/DownloadError.js";
export { ChecksumMismatchError } from "./errors/ChecksumMismatchError.js";
export { DiskFullError } from "./errors/DiskFullError.js";
export { DownloadOfflineError } from "./errors/DownloadOfflineError.js";
export { DownloadServerError } from "./errors/DownloadServerError.js";
export { NotEnoughDiskError } from "./errors/NotEnoughDiskError.js";
export { RemoteFileChangedError } from "./errors/RemoteFileChangedError.js";
export { TruncatedDownloadError } from "./errors/TruncatedDownloadError.js";
export { UnverifiableDownloadError } from "./errors/UnverifiableDownloadError.js";
