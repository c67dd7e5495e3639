import type { Citation } from "../../../src-main/common/contract/libraryTypes.js";
import { splitSentences } from "../../../src-main/answer/attributeCitations.js";
import { answerContains, passageHoldsFact, type QualityQuestion } from "../quality/index.js";

export type CitationVerdict = { number: number; sentence: string; verdict: "holds the fact" | "wrong passage" | "no expected fact" };

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
                const verdict = stated.length === 0 ? "no expected fact"
                    : stated.some((fact) => passageHoldsFact(text, fact)) ? "holds the fact" : "wrong passage";
                citations.push({ number, sentence: sentence.trim(), verdict });
            }
        }
    }
    return { id: question.id, level: question.level, correct: factsFound === question.expected.length, factsFound, factsTotal: question.expected.length, citations };
}
