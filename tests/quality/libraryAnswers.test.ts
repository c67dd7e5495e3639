import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passageHoldsFact, qualityQuestions, type QuestionLevel } from "../support/quality/index.js";
import { judgeAnswer, type AnswerJudgement } from "../support/qualityRun/judgeAnswer.js";
import { openQualityLibrary, type QualityLibrary } from "../support/qualityRun/openQualityLibrary.js";

let library: QualityLibrary;
const chunkText = (chunkId: number): string => library.services.library.store.chunksByIds([chunkId])[0]?.text ?? "";

beforeAll(async () => {
    library = await openQualityLibrary();
});
afterAll(async () => {
    await library?.dispose();
});

/** Share of judgements that are correct, per level and overall, printed and returned. */
function accuracy(label: string, judgements: readonly AnswerJudgement[]): number {
    const levels: QuestionLevel[] = ["worded", "paraphrased", "two-facts"];
    const share = (list: readonly AnswerJudgement[]) => list.filter((j) => j.correct).length / Math.max(1, list.length);
    const perLevel = levels.map((level) => `${level} ${share(judgements.filter((j) => j.level === level)).toFixed(2)}`);
    const overall = share(judgements);
    console.log(`${label}: ${judgements.filter((j) => j.correct).length}/${judgements.length} right (${overall.toFixed(2)}; ${perLevel.join(", ")})`);
    return overall;
}

describe("the starter models on a fictional library (facts no model can know)", () => {
    it("hybrid retrieval finds every source passage of at least 90% of the questions in the top 5", async () => {
        const { retriever } = await library.services.library.retriever();
        let found = 0;
        for (const question of qualityQuestions) {
            const hits = await retriever.retrieve(question.question, { limit: 5 });
            const ranks = question.expected.map((fact) => hits.findIndex((hit) => passageHoldsFact(hit.text, fact)) + 1);
            if (ranks.every((rank) => rank > 0)) found++;
            else console.log(`not in the top 5: ${question.id} (ranks ${ranks.join(", ")})`);
        }
        const recall = found / qualityQuestions.length;
        console.log(`source passages in the top 5: ${found}/${qualityQuestions.length} (${recall.toFixed(2)})`);
        expect(qualityQuestions.length).toBeGreaterThanOrEqual(30);
        expect(recall).toBeGreaterThanOrEqual(0.9);
    });

    it("answers from the library hold the expected facts for a clear majority, at least twice as often as plain chat, and cite passages that hold them", async () => {
        const grounded: AnswerJudgement[] = [];
        const plain: AnswerJudgement[] = [];
        for (const question of qualityQuestions) {
            const answer = await library.ask(question.question, "library");
            expect(["done", "max-tokens"], answer.error).toContain(answer.reason);
            grounded.push(judgeAnswer(question, answer, chunkText));
            plain.push(judgeAnswer(question, await library.ask(question.question, "chat"), chunkText));
        }
        const withLibrary = accuracy("Ask my library", grounded);
        const withoutLibrary = accuracy("plain chat", plain);

        const verdicts = grounded.flatMap((j) => j.citations);
        const judged = verdicts.filter((c) => c.verdict === "holds the fact" || c.verdict === "wrong passage");
        const precision = judged.filter((c) => c.verdict === "holds the fact").length / Math.max(1, judged.length);
        console.log(`citations: ${verdicts.length} kept, ${judged.length} on a sentence stating an expected fact, precision ${precision.toFixed(2)}; ` +
            `${verdicts.filter((c) => c.verdict === "passage holds the sentence").length} of the other ${verdicts.length - judged.length} point at a passage holding their sentence`);
        for (const wrong of verdicts.filter((c) => c.verdict === "wrong passage" || c.verdict === "passage lacks the sentence"))
            console.log(`  ${wrong.verdict}: [${wrong.number}] ${wrong.sentence}`);

        expect(withLibrary).toBeGreaterThanOrEqual(0.55);
        expect(withLibrary).toBeGreaterThanOrEqual(2 * withoutLibrary);
        expect(withLibrary).toBeGreaterThan(withoutLibrary);
        expect(judged.length).toBeGreaterThanOrEqual(10);
        expect(precision).toBeGreaterThanOrEqual(0.9);
        // Counting citations on every other sentence too (each must point at a passage holding its sentence).
        const supported = verdicts.filter((c) => c.verdict === "holds the fact" || c.verdict === "passage holds the sentence").length;
        console.log(`all citations: ${supported}/${verdicts.length} point at a passage holding what their sentence says`);
        expect(supported).toBeGreaterThanOrEqual(0.9 * verdicts.length);
    });
});
