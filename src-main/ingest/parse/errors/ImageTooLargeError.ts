import { DocumentError } from "./DocumentError.js";

export interface ImageTooLargeDetails {
    fileName: string;
    width: number;
    height: number;
    /** Most pixels read, in megapixels. */
    limitMegapixels: number;
}

/** An image (or a rendered scanned page) too large to read by text recognition without exhausting memory. */
export class ImageTooLargeError extends DocumentError<ImageTooLargeDetails> {
    public readonly kind = "too-large";

    public constructor(details: ImageTooLargeDetails) {
        super(
            details,
            `"${details.fileName}" is ${details.width.toLocaleString("en-US")} × ${details.height.toLocaleString("en-US")} pixels, more than ` +
                `text recognition reads (${String(details.limitMegapixels)} megapixels). Scale it down (300 dpi is plenty for text) and add it again.`
        );
        this.name = "ImageTooLargeError";
    }
}
