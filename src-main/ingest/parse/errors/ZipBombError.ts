import { formatBytes } from "../formatBytes.js";
import { DocumentError } from "./DocumentError.js";

export interface ZipBombDetails {
    fileName: string;
    /** Which limit was hit: unpacked bytes, or the number of entries in the archive. */
    unit: "bytes" | "entries";
    limit: number;
}

/** A zip container (DOCX, PPTX, XLSX, OpenDocument, EPUB) that unpacks to more than the limit: possibly a "zip bomb". */
export class ZipBombError extends DocumentError<ZipBombDetails> {
    public readonly kind = "zip-bomb";

    public constructor(details: ZipBombDetails) {
        const what =
            details.unit === "bytes"
                ? `unpacks to more than ${formatBytes(details.limit)}`
                : `holds more than ${String(details.limit)} parts`;
        super(
            details,
            `"${details.fileName}" ${what}, the limit for one document, so it was not opened (it may be a ` +
                `"zip bomb"). If you trust it, save a copy from its app without embedded pictures or files, or raise "Largest unpacked size" in Settings > Documents.`
        );
        this.name = "ZipBombError";
    }
}
