import { DownloadError } from "./DownloadError.js";

/** The finished file's SHA-256 is not the published one: it must never be loaded. */
export class ChecksumMismatchError extends DownloadError {
    constructor(readonly fileName: string, readonly expectedSha256: string, readonly actualSha256: string) {
        super(
            "checksum",
            `The downloaded ${fileName} is damaged or was tampered with: its SHA-256 is ${actualSha256}, ` +
            `but the published file's is ${expectedSha256}. It was deleted; try again.`
        );
    }
}
