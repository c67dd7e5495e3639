import type { StoredChunk } from "../store/library/types.js";

/** What rebuilding a document's text needs of its chunks. */
export type TextChunk = Pick<StoredChunk, "ordinal" | "sectionIndex" | "charStart" | "charEnd" | "text" | "headingPath">;

/**
 * The text of an indexed document, rebuilt from its stored chunks: exactly what was indexed (the file may
 * have changed or moved since), without the overlap that neighbouring chunks of a section share. A chunk
 * is `section.text.slice(charStart, charEnd)`, so the part of each chunk past the end already covered is
 * new text; a gap between two chunks held only white space (chunks are trimmed) and becomes a line
 * break. Sections are separated by a blank line, and a section under a new heading starts with it.
 */
export function documentText(chunks: readonly TextChunk[]): string {
    const ordered = [...chunks].sort((a, b) => a.ordinal - b.ordinal);
    let text = "";
    let section: number | null = null;
    let heading: string | undefined;
    let covered = 0;
    for (const chunk of ordered) {
        if (chunk.sectionIndex !== section) {
            if (text !== "") text += "\n\n";
            const sectionHeading = chunk.headingPath.at(-1);
            if (sectionHeading !== undefined && sectionHeading !== heading) text += `${sectionHeading}\n\n`;
            heading = sectionHeading;
            section = chunk.sectionIndex;
            covered = chunk.charStart;
        }
        if (chunk.charEnd <= covered) continue;
        if (chunk.charStart > covered) text += "\n";
        text += chunk.text.slice(Math.max(0, covered - chunk.charStart));
        covered = Math.max(covered, chunk.charEnd);
    }
    return text;
}
