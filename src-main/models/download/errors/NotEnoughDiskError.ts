import { DownloadError } from "./DownloadError.js";
import { formatSize } from "./formatSize.js";

/** Checked before a transfer starts, so a download never fills the disk halfway through. */
export class NotEnoughDiskError extends DownloadError {
    constructor(readonly fileName: string, readonly folder: string, readonly neededBytes: number, readonly freeBytes: number) {
        super(
            "disk-full",
            `Downloading ${fileName} needs ${formatSize(neededBytes)} of free space in ${folder}, ` +
            `but only ${formatSize(freeBytes)} is free. Free up at least ${formatSize(neededBytes - freeBytes)}, ` +
            "or choose a smaller model or quantization."
        );
    }
}
