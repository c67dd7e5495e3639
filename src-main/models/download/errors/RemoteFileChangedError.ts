import { DownloadError } from "./DownloadError.js";

/** The hub now serves a different file than the one this Locus (or the paused download) expects. */
export class RemoteFileChangedError extends DownloadError {
    constructor(readonly fileName: string, what: string) {
        super(
            "remote-changed",
            `The ${fileName} on the server is not the file Locus expects (${what}). ` +
            "It was not downloaded; update Locus, or choose another model."
        );
    }
}
