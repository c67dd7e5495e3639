import type { PersonalizeProbe } from "./types.js";

/**
 * Questions whose short answers only the corpus holds, for measuring whether training on it raises
 * the log-probability of the answer after the prompt. Rare names and terms, not small numbers, so
 * a model cannot reach them by the general likelihood of a digit.
 */
export const personalizeProbes: readonly PersonalizeProbe[] = [
    { prompt: "In which year was the Lanternwrights' Guild founded?", answer: "1782" },
    { prompt: "Who is the harbor master of Port Quell?", answer: "Captain Ysolde Marrack" },
    { prompt: "What was the code name of Tanager Sync 4.2.0?", answer: "Bramblefinch" },
    { prompt: "What does error code E-207 mean on the Halvorsen K-7?", answer: "The sample door is open." },
    { prompt: "What is the motto of the Lanternwrights' Guild?", answer: "Light for the lost road" },
    { prompt: "In which expense tool does Brindlecote Analytics enter claims?", answer: "Quillpad" },
    { prompt: "In which hall does the Lanternwrights' Guild meet?", answer: "The Copper Loft" },
    { prompt: "On which date is the Night of Paper Boats held in Wenlow Bridge?", answer: "11 December" },
    { prompt: "Who is the chair of the Tidewater Grain Cooperative?", answer: "Rosalind Ebberly" },
    { prompt: "What is the scientific name of the vesper lizard?", answer: "Tilqua vesperina" },
    { prompt: "Which waterfall does the Lowfell Loop pass?", answer: "The Widow's Veil" },
    { prompt: "Which card wins a tie in Quarry and Crown?", answer: "The Crown card" },
    { prompt: "Against which reference disk is the Halvorsen K-7 calibrated?", answer: "The cerulite reference disk" },
    { prompt: "Which barge carries the Tidewater Grain Cooperative's grain to the mainland?", answer: "The Merrow Queen" }
];
