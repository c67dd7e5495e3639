/** A chat's title from its first question: one line, at most 48 characters. */
export function titleFrom(text: string): string {
    const line = text.replace(/\s+/g, " ").trim();
    return line.length <= 48 ? line : `${line.slice(0, 47)}…`;
}
