import { bertCharacterClasses as chars } from "./bertCharacterClasses.js";

export type BertWordPieceOptions = {
    /** BertTokenizer's do_lower_case. */
    lowercase: boolean;
    /** null: strip accents exactly when lowercasing, as BertTokenizer does by default. */
    stripAccents: boolean | null;
};

// BertTokenizer's max_input_chars_per_word: a longer word is one [UNK]
const maxCharsPerWord = 100;

/**
 * An independent BERT tokenizer for tests, written from the algorithm of Hugging Face's BertTokenizer
 * (BasicTokenizer, then greedy longest-match-first WordPiece) and reading vocab.txt's tokens as they are.
 * It shares no code with the converter or llama.cpp, so agreement between them means something.
 * Special-token texts such as "[SEP]" inside the input are tokenized as plain text, as node-llama-cpp's
 * embedding path does (BertTokenizer would keep them whole).
 */
export class BertWordPieceTokenizer {
    private readonly ids = new Map<string, number>();
    private readonly unkId: number;
    readonly clsId: number;
    readonly sepId: number;

    constructor(vocab: readonly string[], private readonly options: BertWordPieceOptions) {
        vocab.forEach((token, id) => this.ids.set(token, id));
        this.unkId = this.idOf("[UNK]");
        this.clsId = this.idOf("[CLS]");
        this.sepId = this.idOf("[SEP]");
    }

    /** [CLS] tokens [SEP], as BertTokenizer encodes a single sentence. */
    encode(text: string): number[] {
        return [this.clsId, ...this.tokenize(text).map((piece) => this.ids.get(piece) ?? this.unkId), this.sepId];
    }

    /** The WordPiece tokens of a text, without special tokens. */
    tokenize(text: string): string[] {
        return this.basicTokens(text).flatMap((word) => this.wordPieces(word));
    }

    /** BasicTokenizer: clean, space out CJK characters, NFC, split on whitespace, case and accents, split off punctuation. */
    private basicTokens(text: string): string[] {
        let cleaned = "";
        for (const char of text) {
            const cp = char.codePointAt(0);
            if (cp === 0 || cp === 0xfffd || chars.isControl(char)) continue;
            cleaned += chars.isWhitespace(char) ? " " : chars.isCjk(char) ? ` ${char} ` : char;
        }
        const stripAccents = this.options.stripAccents ?? this.options.lowercase;
        const words: string[] = [];
        for (let word of splitOnWhitespace(cleaned.normalize("NFC"))) {
            if (this.options.lowercase) word = word.toLowerCase();
            if (stripAccents) word = word.normalize("NFD").replace(/\p{Mn}/gu, "");
            let current = "";
            for (const char of word) {
                if (!chars.isPunctuation(char)) {
                    current += char;
                    continue;
                }
                if (current !== "") words.push(current);
                words.push(char);
                current = "";
            }
            if (current !== "") words.push(current);
        }
        return words;
    }

    /** Greedy longest-match-first WordPiece; a word with any piece missing from the vocabulary is [UNK]. */
    private wordPieces(word: string): string[] {
        const codePoints = Array.from(word);
        if (codePoints.length > maxCharsPerWord) return ["[UNK]"];
        const pieces: string[] = [];
        for (let start = 0; start < codePoints.length;) {
            let end = codePoints.length;
            let piece: string | undefined;
            for (; end > start; end--) {
                const candidate = (start > 0 ? "##" : "") + codePoints.slice(start, end).join("");
                if (this.ids.has(candidate)) {
                    piece = candidate;
                    break;
                }
            }
            if (piece == null) return ["[UNK]"];
            pieces.push(piece);
            start = end;
        }
        return pieces;
    }

    private idOf(token: string): number {
        const id = this.ids.get(token);
        if (id == null) throw new Error(`the vocabulary has no ${token} token`);
        return id;
    }
}

/**
 * Python's str.split() (BasicTokenizer's whitespace_tokenize): after cleaning, the whitespace left is the
 * space and the line and paragraph separators U+2028/U+2029, which cleaning keeps and str.split() splits on.
 */
function splitOnWhitespace(text: string): string[] {
    return text.split(/\s+/u).filter((word) => word !== "");
}
