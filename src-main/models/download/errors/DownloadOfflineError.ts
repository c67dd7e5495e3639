import { DownloadError } from "./DownloadError.js";

/** The hub cannot be reached, or the connection went quiet; nothing downloaded so far is lost. */
export class DownloadOfflineError extends DownloadError {
    constructor(readonly host: string, detail: string, cause?: unknown) {
        super(
            "offline",
            `Locus could not reach ${host} (${detail}). Check the internet connection, then resume: ` +
            "the download continues where it stopped.",
            { cause }
        );
    }
}
