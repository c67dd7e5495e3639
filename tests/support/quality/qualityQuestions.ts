import { paraphrasedQuestions } from "./questions/paraphrasedQuestions.js";
import { twoFactQuestions } from "./questions/twoFactQuestions.js";
import { wordedQuestions } from "./questions/wordedQuestions.js";
import type { QualityQuestion } from "./types.js";

/** Every question about the fictional corpus, 12 per level: worded, paraphrased, then two-facts. */
export const qualityQuestions: readonly QualityQuestion[] = [...wordedQuestions, ...paraphrasedQuestions, ...twoFactQuestions];
