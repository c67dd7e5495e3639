/** What the chunker needs of a parsed document (a `ParsedDocument` from ingest/parse fits). */
export type ChunkableDocument = {
    title?: string | undefined;
    sections: ReadonlyArray<{ text: string; page?: number | undefined; headingPath: readonly string[] }>;
};

export type ChunkOptions = {
    /** Tokens of `text` in the embedding model's tokenizer (e.g. `model.tokenize(text).length`). */
    countTokens: (text: string) => number;
    /** Most tokens in one chunk, its context header included (default 384). */
    targetTokens?: number;
    /** Tokens repeated from the end of the previous chunk of the same section (default 1/8 of the target). */
    overlapTokens?: number;
    /** Budget a "title > headings" header before each chunk's text when it is embedded (default true). */
    contextHeader?: boolean;
};

/** One chunk: `text` is exactly `sections[sectionIndex].text.slice(charStart, charEnd)`. */
export type DocumentChunk = {
    text: string;
    sectionIndex: number;
    page?: number | undefined;
    headingPath: readonly string[];
    charStart: number;
    charEnd: number;
    /** Tokens of `text` alone, in the embedding model's tokenizer. */
    tokenCount: number;
};

/** A span of section text that is never split further unless too big: a sentence, or part of an overlong one. */
export type TextUnit = {
    start: number;
    end: number;
    /** The unit ends a paragraph: the preferred place to end a chunk. */
    paragraphEnd: boolean;
};

/** A unit with its token count. */
export type CountedUnit = TextUnit & { tokens: number };
