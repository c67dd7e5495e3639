import type { Database } from "better-sqlite3";

/**
 * Characters of scripts written without spaces between words: Han (Chinese, Japanese kanji), kana, and
 * the prolonged sound mark (a Common-script character used inside katakana words).
 */
export const cjkCharacter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\uFF70]/u;
const cjkCharacters = new RegExp(cjkCharacter.source, "gu");

/**
 * The text the full-text index sees for a chunk or heading. FTS5's unicode61 tokenizer reads a whole run
 * of Chinese or Japanese characters as one token, so "退款" could never match inside "我们的退款政策".
 * Every CJK character therefore becomes a token of its own, and queries search CJK words as phrases of
 * their characters (see retrieval/toFtsQuery.ts): exact substring matches, whatever word boundaries a
 * segmenter would have guessed. It is a pure function of the text (no dictionary), so the index never
 * depends on the ICU version. NFKC makes full-width, half-width and ligature forms match as queries do.
 */
export function ftsText(text: string): string {
    return text.normalize("NFKC").replace(cjkCharacters, " $& ");
}

/** SQL name of ftsText, used by the full-text index's triggers (migration 007). */
export const ftsTextFunction = "locus_fts_text";

const registered = new WeakSet<Database>();

/** Makes ftsText callable from SQL on this connection; every connection that writes chunks needs it. */
export function registerFtsText(db: Database): void {
    if (registered.has(db)) return;
    db.function(ftsTextFunction, { deterministic: true }, (text: unknown) => (typeof text === "string" ? ftsText(text) : text));
    registered.add(db);
}
