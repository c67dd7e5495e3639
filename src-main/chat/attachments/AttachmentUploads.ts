import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { attachmentLimits } from "@common/contract/chatTypes.js";
import type { LibraryDocumentInfo } from "@common/contract/libraryTypes.js";
import { unreadableTypeReason } from "@common/documentTypes.js";
import { InvalidInputError, NotFoundError, UnsupportedError } from "@common/errors.js";

type Upload = { chatId: string; fileName: string; sizeBytes: number; received: number; partPath: string; startedAt: number };

/** An upload nobody finished within this time is dropped (a closed tab, a lost connection). */
const STALE_MS = 30 * 60 * 1000;

/**
 * Files dropped on a chat arrive from the renderer in pieces (the renderer has no paths and sends none).
 * Each is written to the data folder's `attachments/`, then added to the library like any document and
 * attached to the chat. The type is checked from the name before any byte is sent, so a file Locus
 * cannot read is refused at once and nothing changes.
 */
export class AttachmentUploads {
    readonly #uploads = new Map<string, Upload>();

    constructor(
        private readonly options: {
            folder: string;
            /** Indexes files into the library (as "Add documents" does). */
            addToLibrary: (paths: string[]) => Promise<LibraryDocumentInfo[]>;
            chatExists: (chatId: string) => boolean;
        }
    ) {}

    async begin(chatId: string, fileName: string, sizeBytes: number): Promise<{ uploadId: string }> {
        if (!this.options.chatExists(chatId)) throw new NotFoundError("That chat no longer exists. It may have been deleted.");
        const unreadable = unreadableTypeReason(fileName);
        if (unreadable !== null) throw new UnsupportedError(unreadable);
        if (sizeBytes > attachmentLimits.maxBytes)
            throw new InvalidInputError(`${fileName} is larger than ${attachmentLimits.maxBytes / 1024 / 1024} MB. Add it from the Library instead.`);
        await this.#dropStale();
        const uploadId = randomUUID();
        const partPath = path.join(this.options.folder, ".partial", uploadId);
        await fs.mkdir(path.dirname(partPath), { recursive: true });
        await fs.writeFile(partPath, new Uint8Array());
        this.#uploads.set(uploadId, { chatId, fileName, sizeBytes, received: 0, partPath, startedAt: Date.now() });
        return { uploadId };
    }

    /** Pieces must arrive in order; a gap or an overlap is refused, and the renderer may resend from `offset`. */
    async chunk(uploadId: string, offset: number, base64: string): Promise<void> {
        const upload = this.#require(uploadId);
        if (offset !== upload.received)
            throw new InvalidInputError(`Expected the piece of ${upload.fileName} at byte ${upload.received}, got one at byte ${offset}.`);
        const bytes = Buffer.from(base64, "base64");
        if (bytes.length > attachmentLimits.chunkBytes || upload.received + bytes.length > upload.sizeBytes)
            throw new InvalidInputError(`${upload.fileName} is longer than announced; attach it again.`);
        await fs.appendFile(upload.partPath, bytes);
        upload.received += bytes.length;
    }

    /** Moves the file into place and indexes it; returns the chat it belongs to and the library documents made. */
    async finish(uploadId: string): Promise<{ chatId: string; documents: LibraryDocumentInfo[] }> {
        const upload = this.#require(uploadId);
        this.#uploads.delete(uploadId);
        if (upload.received !== upload.sizeBytes) {
            await fs.rm(upload.partPath, { force: true });
            throw new InvalidInputError(`${upload.fileName} arrived incomplete (${upload.received} of ${upload.sizeBytes} bytes). Attach it again.`);
        }
        // A folder per upload keeps the person's file name, even when two files share it.
        const target = path.join(this.options.folder, uploadId, upload.fileName);
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.rename(upload.partPath, target);
        return { chatId: upload.chatId, documents: await this.options.addToLibrary([target]) };
    }

    async cancel(uploadId: string): Promise<void> {
        const upload = this.#uploads.get(uploadId);
        if (upload === undefined) return;
        this.#uploads.delete(uploadId);
        await fs.rm(upload.partPath, { force: true });
    }

    async dispose(): Promise<void> {
        for (const uploadId of [...this.#uploads.keys()]) await this.cancel(uploadId);
    }

    #require(uploadId: string): Upload {
        const upload = this.#uploads.get(uploadId);
        if (upload === undefined) throw new NotFoundError("That upload is no longer in progress. Attach the file again.");
        return upload;
    }

    async #dropStale(): Promise<void> {
        const now = Date.now();
        for (const [uploadId, upload] of this.#uploads) if (now - upload.startedAt > STALE_MS) await this.cancel(uploadId);
    }
}
