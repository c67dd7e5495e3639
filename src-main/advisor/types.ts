/** The Advisor's own vocabulary; what crosses to the renderer is in common/contract/advisorTypes.ts. */

/** The probe levels: a span blanked as worded (easy), the fact asked in other words (medium), two facts (hard). */
export type ProbeLevel = "easy" | "medium" | "hard";

export type ProbeSource = { documentId: string; chunkId: number };

/** A question whose answer and source passages are known, built from the library without labels. */
export type Probe = {
    id: string;
    level: ProbeLevel;
    question: string;
    /** The expected answer as the model should write it. */
    answer: string;
    /** Spans that must all appear in a generated answer for it to count as right. */
    spans: string[];
    sources: ProbeSource[];
    /** How the medium question was written: by the chat model (checked), or by a template. */
    writtenBy?: "model" | "template";
};
