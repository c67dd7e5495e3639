/** Characters of context shown on each side of the first match. */
const CONTEXT = 60;

/**
 * A short passage of `text` around the first word of the query it contains (case and accents ignored),
 * on one line, with "…" where it was cut; the start of the text when no word is found as written.
 */
export function searchSnippet(text: string, query: string): string {
    const line = text.replace(/\s+/g, " ").trim();
    const fold = (value: string) => value.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    const folded = fold(line);
    // Folding can change lengths (ligatures); positions are only used when it did not.
    const comparable = folded.length === line.length;
    const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
    const at = comparable ? Math.min(...words.map((word) => folded.indexOf(word)).filter((index) => index >= 0)) : Infinity;
    if (!Number.isFinite(at)) return line.length <= CONTEXT * 2 ? line : `${line.slice(0, CONTEXT * 2).trimEnd()}…`;
    const start = Math.max(0, at - CONTEXT);
    const end = Math.min(line.length, at + CONTEXT);
    return `${start > 0 ? "…" : ""}${line.slice(start, end).trim()}${end < line.length ? "…" : ""}`;
}
