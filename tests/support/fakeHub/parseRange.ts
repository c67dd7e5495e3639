/** `bytes=a-b`, `bytes=a-` or `bytes=-n` against a file of `size` bytes, as [start, end); null when unsatisfiable. */
export function parseRange(header: string, size: number): { start: number; end: number } | null {
    const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
    if (match == null) return null;
    const [, from = "", to = ""] = match;
    if (from === "" && to === "") return null;
    const start = from === "" ? Math.max(0, size - Number(to)) : Number(from);
    const end = from === "" || to === "" ? size : Math.min(size, Number(to) + 1);
    return start < end && start < size ? { start, end } : null;
}
