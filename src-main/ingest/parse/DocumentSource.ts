import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { DocumentTooLargeError } from "./errors/DocumentTooLargeError.js";
import { EmptyDocumentError } from "./errors/EmptyDocumentError.js";
import { UnreadableDocumentError } from "./errors/UnreadableDocumentError.js";
import type { ParseLimits } from "./types.js";

/** Enough of the start of a file to recognize its format and text encoding. */
const headBytes = 64 * 1024;

/**
 * One file about to be parsed: checked to be a regular, non-empty file within the size limit, with
 * its first bytes read. Every read goes through here so I/O failures and the size limit are handled
 * the same way for every format.
 */
export class DocumentSource {
    private constructor(
        public readonly filePath: string,
        public readonly fileName: string,
        public readonly sizeBytes: number,
        /** The first bytes of the file (up to 64 KB). */
        public readonly head: Uint8Array,
        public readonly limits: ParseLimits
    ) {}

    public static async open(filePath: string, limits: ParseLimits): Promise<DocumentSource> {
        const fileName = basename(filePath);
        const info = await stat(filePath).catch((error: unknown) => {
            throw unreadable(fileName, error);
        });
        if (info.isDirectory()) throw new UnreadableDocumentError({ fileName, code: "EISDIR" });
        // Devices and pipes could stream forever; only regular files are documents.
        if (!info.isFile()) throw new UnreadableDocumentError({ fileName, code: "ENOTREGULAR" });
        if (info.size === 0) throw new EmptyDocumentError({ fileName, reason: "no-bytes" });
        if (info.size > limits.maxBytes) {
            throw new DocumentTooLargeError({ fileName, sizeBytes: info.size, limitBytes: limits.maxBytes });
        }
        const head = await readHead(filePath, Math.min(info.size, headBytes)).catch((error: unknown) => {
            throw unreadable(fileName, error);
        });
        return new DocumentSource(filePath, fileName, info.size, head, limits);
    }

    /** The whole file, for formats whose libraries need it in memory (PDF, DOCX, HTML). */
    public async readAll(): Promise<Buffer> {
        const bytes = await readFile(this.filePath).catch((error: unknown) => {
            throw unreadable(this.fileName, error);
        });
        this.#checkSize(bytes.length);
        return bytes;
    }

    /** The file in chunks, so a large text file never has to fit in memory as bytes. */
    public async *stream(): AsyncGenerator<Buffer> {
        let total = 0;
        try {
            for await (const chunk of createReadStream(this.filePath, { highWaterMark: 1024 * 1024 })) {
                const bytes = chunk as Buffer;
                total += bytes.length;
                this.#checkSize(total);
                yield bytes;
            }
        } catch (error) {
            throw error instanceof DocumentTooLargeError ? error : unreadable(this.fileName, error);
        }
    }

    /** The file may have grown since it was checked. */
    #checkSize(sizeBytes: number): void {
        if (sizeBytes > this.limits.maxBytes) {
            throw new DocumentTooLargeError({ fileName: this.fileName, sizeBytes, limitBytes: this.limits.maxBytes });
        }
    }
}

async function readHead(filePath: string, length: number): Promise<Uint8Array> {
    const handle = await open(filePath, "r");
    try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, 0);
        return buffer.subarray(0, bytesRead);
    } finally {
        await handle.close();
    }
}

function unreadable(fileName: string, error: unknown): UnreadableDocumentError {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return new UnreadableDocumentError({ fileName, code: typeof code === "string" ? code : "EIO" });
}
