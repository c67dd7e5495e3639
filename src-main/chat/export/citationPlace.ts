import type { Citation } from "@common/contract/libraryTypes.js";

/** Where a citation points, in words: "report.pdf, page 3, Returns > Refunds". */
export function citationPlace(citation: Citation): string {
    return [
        citation.documentName,
        citation.page != null ? `page ${citation.page}` : null,
        citation.headingPath.length > 0 ? citation.headingPath.join(" > ") : null
    ].filter((part) => part != null).join(", ");
}
