/** Longer headers are cut from the front: the innermost headings say most about a chunk. */
const maxHeaderChars = 200;

/**
 * "Title > Heading > Subheading": the context embedded before a chunk's text, so a chunk that never
 * names its subject (e.g. "It must be returned within 30 days.") still lands near questions about it.
 * The title is skipped when the first heading repeats it. "" when there is no context.
 */
export function embeddingHeader(title: string | undefined, headingPath: readonly string[]): string {
    const parts = [...(title !== undefined && title.trim() !== "" && title.trim() !== headingPath[0] ? [title.trim()] : []), ...headingPath];
    const header = parts.join(" > ").replace(/\s+/g, " ").trim();
    return header.length <= maxHeaderChars ? header : `…${header.slice(header.length - maxHeaderChars + 1)}`;
}
