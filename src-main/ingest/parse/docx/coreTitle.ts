const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The title from the package's core properties (docProps/core.xml), when the author set one. */
export function coreTitle(parts: ReadonlyMap<string, Buffer>): string | undefined {
    const core = parts.get("docProps/core.xml")?.toString("utf8");
    const match = core === undefined ? null : /<dc:title(?:\s[^>]*)?>([^<]*)<\/dc:title>/.exec(core);
    const title = match?.[1]
        ?.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name] ?? "")
        .replace(/&#(x[0-9a-f]+|\d+);/gi, (_, code: string) => safeCodePoint(code))
        .trim();
    return title ? title : undefined;
}

function safeCodePoint(code: string): string {
    const value = code.startsWith("x") || code.startsWith("X") ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    return Number.isInteger(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : "";
}
