/** More terms than this add cost (each is a posting list to merge) but hardly change the ranking. */
export const maxQueryTerms = 32;

// Words so common that, OR-ed into a query, they would match most chunks and slow it down for nothing.
// Kept only when the query has nothing else ("the who").
const stopwords = new Set((
    "a an and are as at be but by can could did do does for from had has have how i if in into is it its " +
    "me my no not of on or our she he so than that the their them then there these they this those to " +
    "was we were what when where which who whom why will with would you your"
).split(" "));

// The token characters of FTS5's unicode61 tokenizer: letters, numbers and combining marks. Everything
// else separates tokens, so no FTS5 syntax ("*", "-", "(", ":", "^", quotes) can survive into a term.
const termPattern = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Turns what a person typed into a safe FTS5 MATCH expression: every term double-quoted (a string,
 * never an operator, column filter or prefix query) and OR-ed, so BM25 ranks passages with more of the
 * terms first. Returns undefined when nothing searchable is left, e.g. a query of only punctuation.
 */
export function toFtsQuery(query: string): string | undefined {
    const terms: string[] = [];
    const seen = new Set<string>();
    for (const match of query.normalize("NFKC").matchAll(termPattern)) {
        // A mark cannot start a token; it would only attach to the separator before it.
        const term = match[0].replace(/^\p{M}+/u, "").toLowerCase();
        if (term === "" || seen.has(term)) continue;
        seen.add(term);
        terms.push(term);
    }
    const meaningful = terms.filter((term) => !stopwords.has(term));
    const chosen = (meaningful.length > 0 ? meaningful : terms).slice(0, maxQueryTerms);
    // Terms hold no quote character (see termPattern), so quoting needs no escaping.
    return chosen.length === 0 ? undefined : chosen.map((term) => `"${term}"`).join(" OR ");
}
