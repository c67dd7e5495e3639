// The vocabulary of the fictional quality corpus: documents as data, the files written from them,
// and the questions whose answers only these documents hold.

export type CorpusFormat = "pdf" | "docx" | "markdown" | "html" | "text";

export interface CorpusSection {
    heading: string;
    /** Plain sentences, ASCII only: every format renders them unchanged, so passages stay exact substrings. */
    paragraphs: string[];
    /** 1-based PDF page the section is drawn on (PDF documents only; pages never split a section). */
    page?: number;
}

export interface CorpusDocument {
    /** File name written, also the `document` of an ExpectedFact. */
    fileName: string;
    format: CorpusFormat;
    title: string;
    sections: CorpusSection[];
}

export interface CorpusFile {
    fileName: string;
    format: CorpusFormat;
    /** Absolute path of the written file. */
    path: string;
}

/** How far the question is from the source sentence. */
export type QuestionLevel = "worded" | "paraphrased" | "two-facts";

export interface ExpectedFact {
    /** Acceptable forms of the answer span, e.g. ["14 March", "March 14"]; one is enough. */
    answers: string[];
    /** File name of the document that states the fact. */
    document: string;
    /** One sentence, an exact substring of that document's text, that states the fact. */
    passage: string;
}

export interface QualityQuestion {
    id: string;
    level: QuestionLevel;
    question: string;
    /** One fact, or two from two different passages for "two-facts". */
    expected: ExpectedFact[];
}

/** A question and the short answer that training on the corpus should make more likely. */
export interface PersonalizeProbe {
    prompt: string;
    answer: string;
}
