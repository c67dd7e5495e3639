import { DownloadError } from "./DownloadError.js";

/** The disk filled up during the transfer (something else wrote to it); the partial file is kept. */
export class DiskFullError extends DownloadError {
    constructor(readonly fileName: string, cause?: unknown) {
        super(
            "disk-full",
            `The disk filled up while downloading ${fileName}. The part already downloaded is kept: ` +
            "free up some space, then resume the download.",
            { cause }
        );
    }
}
