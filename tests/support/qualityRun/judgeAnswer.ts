import type { Citation } from "../../../src-main/common/contract/libraryTypes.js";
import { splitSentences } from "../../../src-main/answer/attributeCitations.js";
import { answerContains, normalizeForMatch, passageHoldsFact, type QualityQuestion } from "../quality/index.js";

export type CitationVerdict = {
    number: number;
    sentence: string;
    /**
     * On a sentence that states an expected fact: whether the cited passage holds that fact's source sentence.
     * On any other sentence: whether the cited passage holds most of the sentence's own words and all its numbers.
     */
    verdict: "holds the fact" | "wrong passage" | "passage holds the sentence" | "passage lacks the sentence";
};

export type AnswerJudgement = {
    id: string;
    level: QualityQuestion["level"];
    /** Every expected fact is stated in the answer. */
    correct: boolean;
    factsFound: number;
    factsTotal: number;
    citations: CitationVerdict[];
};

/**
 * Judges one answer against its question's key: which expected facts it states, and for every citation
 * it kept, whether the cited passage holds the fact that the citation's sentence states.
 */
export function judgeAnswer(question: QualityQuestion, answer: { content: string; citations?: Citation[] }, chunkText: (chunkId: number) => string): AnswerJudgement {
    const factsFound = question.expected.filter((fact) => answerContains(answer.content, fact)).length;
    const byNumber = new Map((answer.citations ?? []).map((citation) => [citation.number, citation]));
    const citations: CitationVerdict[] = [];
    for (const sentence of splitSentences(answer.content)) {
        const stated = question.expected.filter((fact) => answerContains(sentence.replace(/\[[\d,\s]+\]/g, " "), fact));
        for (const match of sentence.matchAll(/\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g)) {
            for (const number of match[1]!.split(",").map((n) => Number(n.trim()))) {
                const citation = byNumber.get(number);
                if (citation == null) continue;
                const text = chunkText(citation.chunkId);
                const verdict = stated.length === 0
                    ? (holdsSentence(text, sentence) ? "passage holds the sentence" : "passage lacks the sentence")
                    : stated.some((fact) => passageHoldsFact(text, fact)) ? "holds the fact" : "wrong passage";
                citations.push({ number, sentence: sentence.trim(), verdict });
            }
        }
    }
    return { id: question.id, level: question.level, correct: factsFound === question.expected.length, factsFound, factsTotal: question.expected.length, citations };
}

/**
 * Whether a passage holds a sentence an answer states: every number in it, and at least 80% of its words
 * (all words, case and punctuation aside). Independent of the app's own citation check, which this judges.
 */
function holdsSentence(passage: string, sentence: string): boolean {
    const words = (text: string) => normalizeForMatch(text.replace(/\[[\d,\s]+\]/g, " ")).split(" ").filter((word) => word !== "");
    const inPassage = new Set(words(passage));
    const stated = words(sentence);
    if (stated.length === 0) return true;
    if (stated.some((word) => /\d/.test(word) && !inPassage.has(word))) return false;
    return stated.filter((word) => inPassage.has(word)).length >= 0.8 * stated.length;
}
