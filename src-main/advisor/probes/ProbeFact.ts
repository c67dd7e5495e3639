import type { SalientSpan } from "./findSalientSpans.js";

/** A sentence of a probe document with the span a question will ask for. */
export type ProbeFact = { sentence: string; span: SalientSpan; documentId: string; chunkId: number };
