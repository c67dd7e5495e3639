import type { LibraryDocumentInfo } from "@common/contract/libraryTypes.js";
import type { LibraryDocument } from "../store/library/types.js";

/** A library document as the renderer may see it: no path, no hash, only its name and state (and a mailbox's message count). */
export function toDocumentInfo(document: LibraryDocument, messageCount = 0): LibraryDocumentInfo {
    return {
        id: document.id, displayName: document.displayName, format: document.format, status: document.status,
        statusReason: document.statusReason, pageCount: document.pageCount, chunkCount: document.chunkCount,
        sizeBytes: document.sizeBytes, updatedAt: document.updatedAt, indexedAt: document.indexedAt,
        collectionId: document.collectionId,
        ...(document.parentId === null ? {} : { parentId: document.parentId, sender: document.sender, sentAt: document.sentAt }),
        ...(messageCount > 0 ? { messageCount } : {})
    };
}
