import { DownloadError } from "./DownloadError.js";

/** Neither the catalog nor the hub gives the file's SHA-256: Locus refuses files it cannot check. */
export class UnverifiableDownloadError extends DownloadError {
    constructor(readonly fileName: string) {
        super(
            "unverifiable",
            `Locus cannot check ${fileName}: neither its catalog nor the server gives the file's SHA-256, ` +
            "so it was not downloaded. Choose another quantization, or download and import the file yourself."
        );
    }
}
