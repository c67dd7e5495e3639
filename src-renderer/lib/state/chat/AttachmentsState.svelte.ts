import { attachmentLimits, type ChatDetail, type LocusApi } from "@common/contract";
import type { ErrorsState } from "../ErrorsState.svelte.js";

/** The file being sent to Locus, and how much of it is there. */
export type Upload = { chatId: string; fileName: string; fraction: number };

/**
 * Files dropped on a chat or picked in the file dialog: sent to main in pieces (the renderer has bytes,
 * never paths), indexed into the library, and attached to the chat.
 */
export class AttachmentsState {
    upload = $state<Upload | null>(null);

    readonly #api: LocusApi;
    readonly #errors: ErrorsState;

    constructor(api: LocusApi, errors: ErrorsState) {
        this.#api = api;
        this.#errors = errors;
    }

    /** Sends one file; returns the chat with the document attached, or null when it was refused (the reason is reported). */
    async attach(chatId: string, file: Blob & { name: string }): Promise<ChatDetail | null> {
        if (this.upload !== null) {
            this.#errors.report(`Still attaching ${this.upload.fileName}. Wait for it to finish.`);
            return null;
        }
        if (file.size === 0) {
            this.#errors.report(`${file.name} is empty: there is nothing to read in it.`);
            return null;
        }
        // The type and size are checked here by main before a single byte is sent.
        const begun = this.#errors.unwrap(await this.#api.attachments.begin({ chatId, fileName: file.name, sizeBytes: file.size }));
        if (!begun) return null;
        this.upload = { chatId, fileName: file.name, fraction: 0 };
        try {
            for (let offset = 0; offset < file.size; offset += attachmentLimits.chunkBytes) {
                const piece = await file.slice(offset, offset + attachmentLimits.chunkBytes).arrayBuffer();
                const sent = await this.#api.attachments.chunk({ uploadId: begun.uploadId, offset, data: toBase64(new Uint8Array(piece)) });
                if (!sent.ok) {
                    this.#errors.report(sent.error);
                    void this.#api.attachments.cancel({ uploadId: begun.uploadId });
                    return null;
                }
                this.upload = { chatId, fileName: file.name, fraction: Math.min(1, (offset + piece.byteLength) / file.size) };
            }
            return this.#errors.unwrap(await this.#api.attachments.finish({ uploadId: begun.uploadId })) ?? null;
        } finally {
            this.upload = null;
        }
    }
}

function toBase64(bytes: Uint8Array): string {
    let binary = "";
    // In slices: String.fromCharCode takes its arguments on the stack.
    for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
    return btoa(binary);
}
