import { cjkCharacter } from "../store/library/ftsText.js";

/** More terms than this add cost (each is a posting list to merge) but hardly change the ranking. */
export const maxQueryTerms = 32;

// Words so common that, OR-ed into a query, they would match most chunks and slow it down for nothing.
// Kept only when the query has nothing else ("the who"). The CJK ones are particles and copulas.
const stopwords = new Set((
    "a an and are as at be but by can could did do does for from had has have how i if in into is it its " +
    "me my no not of on or our she he so than that the their them then there these they this those to " +
    "was we were what when where which who whom why will with would you your " +
    "的 了 是 在 和 与 及 或 吗 呢 吧 之 の に は を が で と も へ や か な"
).split(" "));

// The token characters of FTS5's unicode61 tokenizer: letters, numbers and combining marks. Everything
// else separates tokens, so no FTS5 syntax ("*", "-", "(", ":", "^", quotes) can survive into a term.
const termPattern = /[\p{L}\p{N}\p{M}]+/gu;
// Splits a term into its runs of CJK characters and the rest ("Locus的退款" -> "Locus", "的退款").
const cjkRuns = new RegExp(`(${cjkCharacter.source}+)`, "u");
// ICU's dictionary word breaker, the same for Chinese and Japanese text.
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/**
 * Turns what a person typed into a safe FTS5 MATCH expression: every term double-quoted (a string,
 * never an operator, column filter or prefix query) and OR-ed, so BM25 ranks passages with more of the
 * terms first. Chinese and Japanese have no spaces between words: a run of them is cut into words with
 * Intl.Segmenter, and each word is searched as the phrase of its characters, which is how the index
 * holds them (store/library/ftsText.ts). Returns undefined when nothing searchable is left.
 * `allTerms` AND-s the terms instead, and `prefixLast` also finds words that start with the last term (the
 * word still being typed): for finding things (chats) as the person types, rather than ranking passages.
 */
export function toFtsQuery(query: string, options: { allTerms?: boolean; prefixLast?: boolean } = {}): string | undefined {
    const terms: string[] = [];
    const seen = new Set<string>();
    const add = (term: string) => {
        if (term === "" || seen.has(term)) return;
        seen.add(term);
        terms.push(term);
    };
    for (const match of query.normalize("NFKC").matchAll(termPattern)) {
        for (const [index, piece] of match[0].split(cjkRuns).entries()) {
            // Odd pieces are the CJK runs captured by the split.
            if (index % 2 === 1) for (const word of cjkWords(piece)) add(word);
            // A mark cannot start a token; it would only attach to the separator before it.
            else add(piece.replace(/^\p{M}+/u, "").toLowerCase());
        }
    }
    const meaningful = terms.filter((term) => !stopwords.has(term));
    const chosen = (meaningful.length > 0 ? meaningful : terms).slice(0, maxQueryTerms);
    // Terms hold no quote character (see termPattern), so quoting needs no escaping.
    if (chosen.length === 0) return undefined;
    const quoted = chosen.map((term) => `"${[...term].join(cjkCharacter.test(term) ? " " : "")}"`);
    if (options.prefixLast) quoted[quoted.length - 1] += "*";
    return quoted.join(options.allTerms ? " AND " : " OR ");
}

/**
 * The words of a run of CJK characters, as ICU's dictionary segments them. A word missing from the
 * dictionary comes out as single characters ("密钥" -> "密", "钥"): consecutive single characters that are
 * not particles are joined back into one word, so they are searched as a phrase, not as loose characters.
 */
function cjkWords(run: string): string[] {
    const words: string[] = [];
    let pending = "";
    const flush = () => {
        if (pending !== "") words.push(pending);
        pending = "";
    };
    for (const { segment } of segmenter.segment(run)) {
        const word = segment.trim();
        if (word === "") continue;
        if ([...word].length === 1 && !stopwords.has(word)) pending += word;
        else {
            flush();
            words.push(word);
        }
    }
    flush();
    return words;
}
