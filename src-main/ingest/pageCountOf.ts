import type { ParsedDocument } from "./parse/types.js";

/** Pages of a PDF (the highest page number among its sections); null for formats without pages. */
export function pageCountOf(parsed: ParsedDocument): number | null {
    let pages = 0;
    for (const section of parsed.sections) if (section.page !== undefined && section.page > pages) pages = section.page;
    return pages > 0 ? pages : null;
}
