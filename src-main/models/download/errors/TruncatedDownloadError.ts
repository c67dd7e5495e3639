import { DownloadError } from "./DownloadError.js";

const exact = (bytes: number) => bytes.toLocaleString("en-US");

/** The server offered, or delivered, fewer bytes than the published file has. */
export class TruncatedDownloadError extends DownloadError {
    constructor(readonly fileName: string, readonly receivedBytes: number, readonly expectedBytes: number) {
        // Exact counts: a file a few bytes short would read "12.6 MB of 12.6 MB" in rounded units.
        super(
            "truncated",
            `The download of ${fileName} is incomplete: ${exact(receivedBytes)} of ${exact(expectedBytes)} bytes ` +
            "arrived. It was deleted; try again later."
        );
    }
}
