import os from "node:os";
import { parseArgs } from "node:util";
import { RankingModel } from "../../src-main/engine/RankingModel.js";
import { HybridRetriever } from "../../src-main/retrieval/HybridRetriever.js";
import { toFtsQuery } from "../../src-main/retrieval/toFtsQuery.js";
import type { AdapterInfo } from "../../src-main/common/contract/personalizeTypes.js";
import { passageHoldsFact, qualityQuestions, type QualityQuestion, type QuestionLevel } from "../support/quality/index.js";
import { judgeAnswer, type AnswerJudgement } from "../support/qualityRun/judgeAnswer.js";
import { openQualityLibrary } from "../support/qualityRun/openQualityLibrary.js";
import { requireStarterModels } from "../support/starter/requireStarterModels.js";
import { runLlamaBench } from "./llamaBench.js";
import { measureEngineThroughput } from "./measureEngineThroughput.js";

// npm run bench:quality [-- --train-minutes 2] [--reranker PATH] [--skip-speed]
//
// Answer quality with the real starter models on the fictional corpus (facts no model can know):
// retrieval recall@1/5/10 and MRR by search mode, answer accuracy per question level for no library,
// library (RAG), adapter only (after a short Personalize run) and adapter + library, citation precision,
// and the starter chat model's speed through Locus's engine against llama-bench on the same file.
const { values } = parseArgs({
    options: { "train-minutes": { type: "string" }, reranker: { type: "string" }, "skip-speed": { type: "boolean" } }
});
const trainMinutes = Number(values["train-minutes"] ?? 2);
const log = (line: string) => console.error(line);
const levels: QuestionLevel[] = ["worded", "paraphrased", "two-facts"];

const library = await openQualityLibrary();
const { services } = library;
const store = services.library.store;
const embedder = (await services.library.embedders.get())!;

// Retrieval: each (question, expected fact) pair; its rank is that of the first passage holding the fact.
type Search = (question: string, limit: number) => Promise<string[]>;
const searches: Record<string, Search> = {
    keyword: async (q, limit) => {
        const match = toFtsQuery(q);
        return match == null ? [] : store.chunksByIds(store.keywordSearch(match, limit).map((h) => h.chunkId)).map((c) => c.text);
    },
    vector: async (q, limit) => {
        const hits = store.vectorSearch(await embedder.embed(q), limit);
        const byId = new Map(store.chunksByIds(hits.map((h) => h.chunkId)).map((c) => [c.id, c.text]));
        return hits.map((h) => byId.get(h.chunkId) ?? "");
    },
    hybrid: async (q, limit) => (await new HybridRetriever(store, { embedQuery: (query) => embedder.embed(query) }).retrieve(q, { limit })).map((c) => c.text)
};
if (values.reranker) {
    const ranking = await RankingModel.load(await services.engine.llama(), values.reranker, { threads: services.engine.threads });
    searches["hybrid+rerank"] = async (q, limit) => (await new HybridRetriever(store, {
        embedQuery: (query) => embedder.embed(query), rerank: (query, passages) => ranking.rankAll(query, passages)
    }).retrieve(q, { limit })).map((c) => c.text);
}
const retrieval: Record<string, { recallAt1: number; recallAt5: number; recallAt10: number; mrr: number }> = {};
for (const [mode, search] of Object.entries(searches)) {
    const ranks: number[] = [];
    for (const question of qualityQuestions) {
        const texts = await search(question.question, 10);
        for (const fact of question.expected) ranks.push(texts.findIndex((text) => passageHoldsFact(text, fact)) + 1);
    }
    const at = (k: number) => round(ranks.filter((r) => r > 0 && r <= k).length / ranks.length);
    retrieval[mode] = { recallAt1: at(1), recallAt5: at(5), recallAt10: at(10), mrr: round(ranks.reduce((s, r) => s + (r > 0 ? 1 / r : 0), 0) / ranks.length) };
    log(`retrieval ${mode}: ${JSON.stringify(retrieval[mode])}`);
}

const chunkText = (chunkId: number) => store.chunksByIds([chunkId])[0]?.text ?? "";
async function answerAll(mode: "chat" | "library", label: string) {
    const judgements: AnswerJudgement[] = [];
    const started = performance.now();
    for (const question of qualityQuestions) judgements.push(judgeAnswer(question, await library.ask(question.question, mode), chunkText));
    const result = summarize(judgements, (performance.now() - started) / 1000);
    log(`answers, ${label}: ${JSON.stringify(result)}`);
    return result;
}

const answers: Record<string, ReturnType<typeof summarize>> = {};
answers["no library"] = await answerAll("chat", "no library");
answers["library (RAG)"] = await answerAll("library", "library (RAG)");

log(`Personalize: ${trainMinutes} minutes on the corpus…`);
const started = await services.dispatcher.dispatch("training.start", { budgetMinutes: trainMinutes });
if (!started.ok) throw new Error(started.error.message);
for (;;) {
    const run = services.personalize.training.status();
    if (run != null && ["done", "failed", "cancelled"].includes(run.state)) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
}
const run = services.personalize.training.status()!;
if (run.state !== "done") throw new Error(`training ${run.state}: ${run.error ?? ""}`);
const adapter = (services.personalize.adapters.list() as AdapterInfo[]).find((a) => a.id === run.adapterId)!;
await services.dispatcher.dispatch("adapters.activate", { adapterId: adapter.id });
answers["adapter only"] = await answerAll("chat", "adapter only");
answers["adapter + library"] = await answerAll("library", "adapter + library");
const training = {
    budgetMinutes: trainMinutes, steps: adapter.steps, tokens: adapter.tokensTrained,
    heldOutLossBefore: round(adapter.lossBefore ?? Number.NaN, 3), heldOutLossAfter: round(adapter.lossAfter ?? Number.NaN, 3), lossOn: adapter.lossOn
};
await library.dispose();

let speed: unknown = "skipped (--skip-speed)";
if (!values["skip-speed"]) {
    const modelPath = requireStarterModels().chat;
    const threads = Math.min(2, os.availableParallelism());
    const before = await runLlamaBench(modelPath, { threads, prompt: 512, gen: 128, repetitions: 3 });
    const ours = await measureEngineThroughput(modelPath, { threads, prompt: 512, gen: 128, repetitions: 3 });
    const after = await runLlamaBench(modelPath, { threads, prompt: 512, gen: 128, repetitions: 3 });
    const reference = { prefill: (before.prefillTokensPerSecond + after.prefillTokensPerSecond) / 2, decode: (before.decodeTokensPerSecond + after.decodeTokensPerSecond) / 2 };
    speed = {
        model: "SmolLM2-135M-Instruct.Q4_1.gguf", threads,
        engine: { prefillTokensPerSecond: round(ours.prefillTokensPerSecond, 1), decodeTokensPerSecond: round(ours.decodeTokensPerSecond, 1) },
        llamaBench: { prefillTokensPerSecond: round(reference.prefill, 1), decodeTokensPerSecond: round(reference.decode, 1) },
        ratios: { prefill: round(ours.prefillTokensPerSecond / reference.prefill, 3), decode: round(ours.decodeTokensPerSecond / reference.decode, 3) },
        goals: { prefill: 0.9, decode: 0.95 }
    };
}

console.log(JSON.stringify({
    benchmark: "quality", cpu: os.cpus()[0]?.model, questions: qualityQuestions.length,
    questionsPerLevel: Object.fromEntries(levels.map((level) => [level, qualityQuestions.filter((q: QualityQuestion) => q.level === level).length])),
    retrieval, answers, training, speed,
    ratios: {
        libraryOverNoLibrary: answers["no library"]!.accuracy === 0 ? "infinite (no library answered none)" : round(answers["library (RAG)"]!.accuracy / answers["no library"]!.accuracy, 2),
        hybridRecallAt5: retrieval["hybrid"]!.recallAt5
    },
    goals: { hybridRecallAt5: 0.9, libraryAccuracy: "a clear majority, >= 2x no library", citationPrecision: 0.9 }
}, null, 2));

function summarize(judgements: readonly AnswerJudgement[], seconds: number) {
    const share = (list: readonly AnswerJudgement[]) => round(list.filter((j) => j.correct).length / Math.max(1, list.length));
    const verdicts = judgements.flatMap((j) => j.citations);
    const judged = verdicts.filter((c) => c.verdict === "holds the fact" || c.verdict === "wrong passage");
    return {
        accuracy: share(judgements),
        perLevel: Object.fromEntries(levels.map((level) => [level, share(judgements.filter((j) => j.level === level))])),
        citations: verdicts.length,
        citationPrecision: judged.length === 0 ? null : round(judged.filter((c) => c.verdict === "holds the fact").length / judged.length),
        citationsHoldingTheirSentence: verdicts.length === 0 ? null
            : round(verdicts.filter((c) => c.verdict === "holds the fact" || c.verdict === "passage holds the sentence").length / verdicts.length),
        secondsPerAnswer: round(seconds / judgements.length, 1)
    };
}

function round(value: number, digits = 2): number {
    return Number(value.toFixed(digits));
}
