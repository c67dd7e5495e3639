/**
 * Text reduced to what matters when comparing an answer with an expected span: lower case, no
 * accents, no apostrophes ("Widow's" = "Widows"), thousands separators dropped ("48,300" = "48300"),
 * ordinal suffixes dropped ("14th" = "14"), a decimal comma read as a point ("14,6" = "14.6"), every
 * other run of punctuation or whitespace one space. A decimal point stays, so "3.8" never becomes "38".
 */
export function normalizeForMatch(text: string): string {
    return text
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/['\u2018\u2019`]/g, "")
        .replace(/(\d)[,\u00a0\u202f\u2009](?=\d{3}(?!\d))/g, "$1")
        .replace(/(\d)(?:st|nd|rd|th)\b/g, "$1")
        // The decimal point is parked on a character no text uses here, while the rest of punctuation goes.
        .replace(/(\d)[.,](?=\d)/g, "$1\u00b7")
        .replace(/[^\p{L}\p{N}\u00b7]+/gu, " ")
        .replace(/\u00b7/g, ".")
        .trim();
}
