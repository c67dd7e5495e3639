export { answerContains } from "./answerContains.js";
export { documentText } from "./documentText.js";
export { fictionalDocuments } from "./fictionalDocuments.js";
export { findDocument } from "./findDocument.js";
export { normalizeForMatch } from "./normalizeForMatch.js";
export { passageHoldsFact } from "./passageHoldsFact.js";
export { passagePage } from "./passagePage.js";
export { personalizeProbes } from "./personalizeProbes.js";
export { qualityQuestions } from "./qualityQuestions.js";
export type {
    CorpusDocument,
    CorpusFile,
    CorpusFormat,
    CorpusSection,
    ExpectedFact,
    PersonalizeProbe,
    QualityQuestion,
    QuestionLevel
} from "./types.js";
export { writeFictionalCorpus } from "./writeFictionalCorpus.js";
