/**
 * What OpenDocument text markup means as plain text: `text:s` stands for `text:c` spaces, a tab for a
 * tab, a line break for a new line. Returns undefined for other elements.
 */
export function odfInlineText(name: string, attributes: Readonly<Record<string, string>>): string | undefined {
    switch (name) {
        case "text:s":
            return " ".repeat(Math.min(100, Math.max(1, Number(attributes["text:c"] ?? 1) || 1)));
        case "text:tab":
            return "\t";
        case "text:line-break":
            return "\n";
        default:
            return undefined;
    }
}

/** Elements whose text is not part of the document's flow: comments, tracked deletions, footnote marks. */
export const odfSkipped = new Set(["office:annotation", "text:tracked-changes", "text:note-citation", "draw:image"]);
