import type { SourcePassage } from "@common/contract/libraryTypes.js";
import { NotFoundError } from "@common/errors.js";
import type { LibraryReader } from "../store/library/LibraryReader.js";

/** Characters of surrounding text shown on each side of a cited passage. */
const CONTEXT_CHARS = 400;

/**
 * The passage a citation points at, with the text around it from the neighbouring chunks of the same
 * section, so the source view can show the exact words in place.
 */
export function sourcePassage(library: LibraryReader, chunkId: number): SourcePassage {
    const [chunk] = library.chunksByIds([chunkId]);
    if (chunk == null) throw new NotFoundError("That source is no longer in the library. The document may have been removed or re-indexed.");
    const chunks = library.documentChunks(chunk.documentId).filter((c) => c.sectionIndex === chunk.sectionIndex);
    const index = chunks.findIndex((c) => c.id === chunk.id);
    const previous = index > 0 ? chunks[index - 1] : undefined;
    const next = index >= 0 ? chunks[index + 1] : undefined;
    // Neighbours may overlap the passage; keep only what lies strictly before or after it.
    const before = previous ? previous.text.slice(0, Math.max(0, chunk.charStart - previous.charStart)).slice(-CONTEXT_CHARS) : "";
    const after = next ? next.text.slice(Math.max(0, chunk.charEnd - next.charStart)).slice(0, CONTEXT_CHARS) : "";
    return {
        chunkId: chunk.id, documentId: chunk.documentId, documentName: chunk.documentName, format: chunk.documentFormat,
        page: chunk.page, headingPath: chunk.headingPath, before, text: chunk.text, after
    };
}
