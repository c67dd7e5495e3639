import path from "node:path";
import { parseArgs } from "node:util";
import { buildProbeSet, type ProbeSet } from "../../src-main/advisor/probes/buildProbeSet.js";
import { chooseConfig } from "../../src-main/advisor/recommend/chooseConfig.js";
import { explainAdvice } from "../../src-main/advisor/recommend/explainAdvice.js";
import { PromptSource } from "../../src-main/advisor/run/PromptSource.js";
import { runAdvisor } from "../../src-main/advisor/run/runAdvisor.js";
import { scoreProbes } from "../../src-main/advisor/run/scoreProbes.js";
import type { AdvisorDeps, AdvisorOutcome, AdvisorPlan, MeasuredConfig } from "../../src-main/advisor/run/types.js";
import { ProbeScorer } from "../../src-main/advisor/score/ProbeScorer.js";
import { GgufInsights, readGgufFileInfo } from "node-llama-cpp";
import { findStarterModels } from "../../src-main/models/starter/findStarterModels.js";
import { TrainerClient } from "../../src-main/trainer/TrainerClient.js";
import { openQualityLibrary } from "../support/qualityRun/openQualityLibrary.js";

// npm run bench:advisor [-- --learning-seconds 120 --per-level 16]
//
// The Advisor's search against the exhaustive sweep over the same space, on the fictional corpus (facts no
// model can know) with the real starter chat model: methods none / RAG / LoRA / RAG + LoRA, the installed
// file and a lower-bit copy, 50% and 100% of the documents, learning checkpoints at 1/8, 1/4, 1/2 and all of
// the longest learning time. Both choose on the same selection probes; each pick is then scored on held-out
// probes neither saw. Prints the held-out quality of both picks, the gap in points and the cost ratio.
const { values } = parseArgs({ options: { "learning-seconds": { type: "string" }, "per-level": { type: "string" } } });
const learningSeconds = Number(values["learning-seconds"] ?? 120);
const perLevel = Number(values["per-level"] ?? 16);
const log = (line: string) => console.error(line);

const library = await openQualityLibrary();
const { services } = library;
// The chat engine is not needed: the Advisor loads its own copies of the model, and the cores go to it.
await services.models.unload();
const chat = services.models.list().find((model) => model.role === "chat")!;
const chatPath = findStarterModels().find((entry) => entry.path.endsWith(".gguf") && /smollm2/i.test(entry.path))!.path;
const llama = await services.engine.llama();
const trainer = new TrainerClient();

// One probe set, split level by level into probes that choose (both searches) and probes that judge (held out).
const store = services.library.store;
const documents = store.listDocuments(["indexed"]).map((document) => ({
    id: document.id, chunks: store.documentChunks(document.id).map((chunk) => ({ id: chunk.id, documentId: document.id, text: chunk.text }))
}));
const all = await buildProbeSet(documents, { seed: 7, perLevel: perLevel * 2 });
const split = (keep: 0 | 1): ProbeSet => {
    const counts = { easy: 0, medium: 0, hard: 0 };
    return { ...all, probes: all.probes.filter((probe) => counts[probe.level]++ % 2 === keep) };
};
const selection = split(0);
const heldOut = split(1);
log(`probes: ${String(selection.probes.length)} to choose with, ${String(heldOut.probes.length)} held out`);

const deps = (workDir: string): AdvisorDeps => ({
    llama: async () => llama, gpu: false, threads: services.engine.threads, trainerThreads: services.engine.threads,
    library: store, retriever: async () => (await services.library.retriever()).retriever, answerer: () => services.library.answerer(),
    models: [{ id: chat.id, name: chat.displayName, path: chatPath, sizeBytes: chat.sizeBytes }],
    trainer, workDir: path.join(library.dataDir, "advisor-bench", workDir), writeQuestions: false
});
const plan = (mode: AdvisorPlan["mode"]): AdvisorPlan => ({
    mode, budgetSeconds: 6 * 3600, learningSeconds, dataFractions: [0.5, 1], compress: true, probesPerLevel: perLevel, seed: 7,
    probes: selection, generationSample: 0
});

async function measure(mode: AdvisorPlan["mode"]): Promise<{ outcome: AdvisorOutcome; wallSeconds: number }> {
    const started = performance.now();
    let last = "";
    const outcome = await runAdvisor(deps(mode), plan(mode), (progress) => {
        if (progress.phase !== last) log(`[${mode} ${((performance.now() - started) / 1000).toFixed(0)} s] ${(last = progress.phase)}`);
    });
    return { outcome, wallSeconds: (performance.now() - started) / 1000 };
}

const sweep = await measure("sweep");
const search = await measure("search");

const parameterCount = (await GgufInsights.from(await readGgufFileInfo(chatPath), llama)).totalParameters;
const prompts = new PromptSource(() => services.library.answerer());
async function heldOutPoints(config: MeasuredConfig): Promise<number> {
    const scorer = await ProbeScorer.open(llama, config.modelPath, { threads: services.engine.threads, contextSize: 4096, gpu: false });
    try {
        await scorer.useAdapter(config.adapterPath);
        const rag = config.method === "rag" || config.method === "rag+lora";
        return (await scoreProbes(scorer, heldOut.probes, rag, prompts, parameterCount)).quality.points;
    } finally {
        await scorer.dispose();
    }
}
const describe = async (outcome: AdvisorOutcome) => {
    const pick = chooseConfig(outcome.configs)!;
    return {
        pick: pick.key.split("|").slice(1).join(" "), method: pick.method, selectionPoints: round(pick.quality.points), heldOutPoints: round(await heldOutPoints(pick)),
        configsMeasured: outcome.configs.length, computeSeconds: round(outcome.computeSeconds)
    };
};
const sweepPick = await describe(sweep.outcome);
const searchPick = await describe(search.outcome);
const recommendation = explainAdvice(search.outcome.configs);
const gap = round(sweepPick.heldOutPoints - searchPick.heldOutPoints);
const costRatio = round(search.outcome.computeSeconds / sweep.outcome.computeSeconds);

console.log(JSON.stringify({
    benchmark: "advisor",
    corpus: { documents: documents.length, selectionProbes: selection.probes.length, heldOutProbes: heldOut.probes.length },
    model: chat.displayName, learningSeconds, space: "methods none/rag/lora/rag+lora x original and lower-bit copy x 50%/100% of documents x 4 checkpoints",
    sweep: { ...sweepPick, wallSeconds: round(sweep.wallSeconds) },
    search: { ...searchPick, wallSeconds: round(search.wallSeconds), notes: search.outcome.notes },
    gapPoints: gap, costRatio,
    goal: { gapAtMost2Points: gap <= 2, costAtMost25Percent: costRatio <= 0.25 },
    recommendation: recommendation?.summary ?? null,
    load: (await import("node:os")).loadavg().map((value) => round(value))
}, null, 2));

await trainer.dispose();
await library.dispose();

function round(value: number): number {
    return Math.round(value * 100) / 100;
}
