import { NotFoundError } from "@common/errors.js";
import type { LibraryReader } from "../store/library/LibraryReader.js";
import type { AdapterDocument } from "../store/AdapterRepository.js";
import type { TrainingDocument } from "../trainer/types.js";
import { documentText } from "./documentText.js";
import { NoIndexedDocumentsError } from "./errors/NoIndexedDocumentsError.js";
import { NotEnoughTextError } from "./errors/NotEnoughTextError.js";

/** Below this, training would only memorise a sentence or two (about a paragraph or two of prose). */
export const minTrainingCharacters = 500;

export type TrainingDocuments = { documents: TrainingDocument[]; used: AdapterDocument[] };

/**
 * The text to learn from: the chosen library documents (all indexed ones when none are chosen), each
 * rebuilt from its indexed chunks. Documents chosen but not indexed (queued, failed) are left out;
 * ids not in the library are refused, since the person chose them.
 */
export function collectTrainingDocuments(
    library: Pick<LibraryReader, "listDocuments" | "listParts" | "getDocument" | "documentChunks">,
    documentIds?: readonly string[]
): TrainingDocuments {
    const chosen = documentIds === undefined
        // Files only: a mailbox brings its messages (below), which must not come a second time on their own.
        ? library.listDocuments(["indexed"]).filter((document) => document.parentId === null)
        : [...new Set(documentIds)].map((id) => {
            const document = library.getDocument(id);
            if (document === undefined) throw new NotFoundError("A chosen document is no longer in the library. Refresh the list and choose again.");
            return document;
        });
    const indexed = chosen.filter((document) => document.status === "indexed");
    if (indexed.length === 0) {
        throw new NoIndexedDocumentsError({
            chosen: documentIds === undefined ? 0 : chosen.length,
            notIndexed: chosen.map((document) => document.displayName)
        });
    }
    const documents: TrainingDocument[] = [];
    const used: AdapterDocument[] = [];
    for (const document of indexed) {
        // A mailbox is learned as the text of its messages, one after the other.
        const parts = library.listParts(document.id);
        const text = parts.length === 0 ? documentText(library.documentChunks(document.id))
            : parts.map((part) => documentText(library.documentChunks(part.id))).join("\n\n");
        if (text.trim() === "") continue;
        documents.push({ id: document.id, text });
        used.push({ id: document.id, name: document.displayName });
    }
    const characters = documents.reduce((sum, document) => sum + document.text.length, 0);
    if (characters < minTrainingCharacters) {
        throw new NotEnoughTextError({ documents: indexed.length, characters, minimum: minTrainingCharacters });
    }
    return { documents, used };
}
