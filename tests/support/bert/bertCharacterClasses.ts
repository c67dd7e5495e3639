/**
 * The character classes of BERT's BasicTokenizer (transformers' tokenization_bert.py, `_is_whitespace`,
 * `_is_control`, `_is_punctuation`, `_is_chinese_char`), written from their definitions.
 */
export const bertCharacterClasses = {
    /** Space, tab, newline, carriage return, and the space separators (Zs). */
    isWhitespace: (char: string): boolean => char === " " || char === "\t" || char === "\n" || char === "\r" || /^\p{Zs}$/u.test(char),
    /** Any "Other" category (Cc, Cf, Cs, Co, Cn) except tab, newline and carriage return, which count as whitespace. */
    isControl: (char: string): boolean => char !== "\t" && char !== "\n" && char !== "\r" && /^\p{C}$/u.test(char),
    /** Every non-alphanumeric ASCII character (so "$", "+", "^" count, though Unicode calls them symbols) and the P* categories. */
    isPunctuation: (char: string): boolean => {
        const cp = char.codePointAt(0) ?? 0;
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) return true;
        return /^\p{P}$/u.test(char);
    },
    /** The CJK Unified Ideographs blocks (not Hiragana, Katakana or Hangul, which are written with spaces or split by WordPiece). */
    isCjk: (char: string): boolean => {
        const cp = char.codePointAt(0) ?? 0;
        return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2a6df) ||
            (cp >= 0x2a700 && cp <= 0x2b73f) || (cp >= 0x2b740 && cp <= 0x2b81f) || (cp >= 0x2b820 && cp <= 0x2ceaf) ||
            (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f);
    }
};
