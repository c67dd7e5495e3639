import fs from "node:fs/promises";
import path from "node:path";
import { documentText } from "../../personalize/documentText.js";
import { hashString } from "../../trainer/data/seededRandom.js";
import type { TrainingDocument } from "../../trainer/types.js";
import { buildProbeSet, type ProbeSet } from "../probes/buildProbeSet.js";
import { halvingPolicy } from "../search/halvingPolicy.js";
import { successiveHalving } from "../search/successiveHalving.js";
import { ProbeScorer } from "../score/ProbeScorer.js";
import { budgetShares, interleaveLevels, learningBudgetSeconds, minFirstRungSeconds, oneMoreProbeFits, plannedLearningSeconds, rungShares } from "./budgetShares.js";
import { checkGeneration } from "./checkGeneration.js";
import { LearningArm } from "./LearningArm.js";
import { progressShare } from "./progressShare.js";
import { measureVariant, type VariantBaseline } from "./measureVariant.js";
import { modelVariants } from "./modelVariants.js";
import { PromptSource } from "./PromptSource.js";
import { probeQuestionWriter } from "./probeQuestionWriter.js";
import type { AdvisorDeps, AdvisorOutcome, AdvisorPlan, AdvisorProgress, MeasuredConfig, ModelVariant } from "./types.js";

/**
 * The Advisor's study on the person's library: probes first; then, for each chat model and its lower-bit
 * copy, no learning and RAG over the same probes, as many as the budget's share allows; then learning arms
 * (model file x share of the documents), pruned by successive halving with learning time as the resource, each
 * adapter scored with and without the library; then the best answer a sample. Each phase keeps to its share
 * of the time budget (budgetShares.ts); stops when `signal` aborts, keeping what it has.
 */
export async function runAdvisor(deps: AdvisorDeps, plan: AdvisorPlan, onProgress: (progress: AdvisorProgress) => void, signal?: AbortSignal): Promise<AdvisorOutcome> {
    const now = deps.now ?? Date.now;
    const started = now();
    const deadline = started + plan.budgetSeconds * 1000;
    const configs: MeasuredConfig[] = [];
    const notes: string[] = [];
    let work = 0;
    const report = (phase: string, share: number) => onProgress({ phase, progress: progressShare(share, now() - started, plan.budgetSeconds), configs });
    const outOfTime = () => signal?.aborted === true || now() > deadline;
    const timed = async <T>(task: () => Promise<T>): Promise<T> => {
        const t = now();
        try {
            return await task();
        } finally {
            work += (now() - t) / 1000;
        }
    };
    await fs.mkdir(deps.workDir, { recursive: true });
    const llama = await deps.llama();
    const first = deps.models[0];
    if (first == null) throw new Error("no chat model to measure");

    report("Finding facts to ask about in your documents…", 0);
    const documents = deps.library.listDocuments(["indexed"]).map((document) => ({ document, chunks: deps.library.documentChunks(document.id) }));
    // The chat model words the medium questions while the budget allows; templates word the rest.
    const writeUntil = started + plan.budgetSeconds * 1000 * budgetShares.questionWriting;
    const built: ProbeSet = plan.probes ?? await timed(async () => {
        const writer = deps.writeQuestions === false ? null : await probeQuestionWriter(llama, first.path, deps);
        try {
            return await buildProbeSet(
                documents.map(({ document, chunks }) => ({ id: document.id, chunks: chunks.map((c) => ({ id: c.id, documentId: document.id, text: c.text })) })),
                { seed: plan.seed, perLevel: plan.probesPerLevel, ...(writer ? { writeQuestion: (fact) => (now() < writeUntil ? writer.write(fact) : Promise.resolve(null)) } : {}) }
            );
        } finally {
            await writer?.dispose();
        }
    });
    let probes: ProbeSet = { ...built, probes: interleaveLevels(built.probes) };
    const prompts = new PromptSource(deps.answerer);
    const recallAt5 = await timed(() => measureRecall(deps, probes));

    // No learning first, every model file fully: cheap, and the reference every learning arm must beat.
    const variants: ModelVariant[] = [];
    for (const model of deps.models) {
        if (outOfTime()) break;
        report(`Preparing ${model.name}…`, 0.05);
        variants.push(...await timed(() => modelVariants(model, plan.compress, deps, notes)));
    }
    // Scored on as many probes as fit the budget's share for them (the first model file sets the number, every other
    // one is scored on the same probes), leaving time to learn when learning fits in the budget at all.
    const expectedArms = variants.length * plan.dataFractions.length;
    const learningFits = expectedArms > 0 && (plan.learningSeconds != null
        ? plan.learningSeconds * rungShares[0] >= minFirstRungSeconds
        : plan.budgetSeconds >= learningBudgetSeconds(expectedArms, plan.mode));
    const baselinesEnd = started + plan.budgetSeconds * 1000 * (learningFits ? budgetShares.baselinesBeforeLearning : budgetShares.baselinesWithoutLearning);
    const found = probes.probes.length;
    const baselines = new Map<ModelVariant, VariantBaseline>();
    /** How long scoring a model file's probes took, without learning: what scoring an adapter costs again. */
    const scoringMs = new Map<ModelVariant, number>();
    for (const [index, variant] of variants.entries()) {
        if (outOfTime()) break;
        report(`Scoring ${variantName(variant)} without learning and with your documents…`, 0.05 + (0.25 * index) / variants.length);
        const rssBeforeLoad = process.memoryUsage().rss;
        const scorer = await ProbeScorer.open(llama, variant.path, { threads: deps.threads, contextSize: 4096, gpu: deps.gpu });
        const keepScoring = index === 0
            ? (scored: number, elapsedMs: number) => oneMoreProbeFits({ scored, elapsedMs, msLeft: baselinesEnd - now(), otherSetups: variants.length - 1 })
            : undefined;
        const scoringStarted = now();
        try {
            const baseline = await timed(() => measureVariant({ scorer, variant, probes: probes.probes, prompts, recallAt5, rssBeforeLoad, ...(keepScoring ? { keepScoring } : {}), ...(signal ? { signal } : {}) }));
            baselines.set(variant, baseline);
            scoringMs.set(variant, now() - scoringStarted);
            configs.push(baseline.none, baseline.rag);
            if (index === 0) probes = { ...probes, probes: probes.probes.slice(0, baseline.none.scores.length) };
        } finally {
            await scorer.dispose();
        }
    }
    const unscored = variants.filter((variant) => !baselines.has(variant)).map(variantName);
    if (unscored.length > 0 && signal?.aborted !== true) notes.push(`The time budget ran out before ${unscored.join(" and ")} could be scored: a longer budget measures ${unscored.length > 1 ? "them" : "it"} too.`);
    if (probes.probes.length < found)
        notes.push(`The time budget left time to ask ${String(probes.probes.length)} of the ${String(found)} questions found in your documents (the same ones of every setup); a longer budget measures more precisely.`);

    // Learning arms: how long the longest run may be follows from the time left and the number of arms.
    const arms = await learningArms(deps, plan, probes, variants, baselines, notes);
    // Learning ends in time for the answer check, which has the last share of the budget.
    const learningEnd = started + plan.budgetSeconds * 1000 * budgetShares.learningEnds;
    const learningSeconds = plan.learningSeconds ?? plannedLearningSeconds((learningEnd - now()) / 1000, arms.length, plan.mode);
    if (arms.length > 0 && learningSeconds * rungShares[0] < minFirstRungSeconds) {
        notes.push(`The time budget left too little time to learn after scoring the setups without learning (learning needs about ${String(Math.ceil(learningBudgetSeconds(arms.length, plan.mode) / 60))} minutes of budget or more): these results are for RAG and no learning only.`);
    } else if (arms.length > 0 && !outOfTime()) {
        const rungs = rungShares.map((share) => Math.round(share * learningSeconds));
        /** The learning a step to rung `index` adds, from the rung before it. */
        const segmentSeconds = (index: number) => rungs[index]! - (index === 0 ? 0 : rungs[index - 1]!);
        let scorer: { variant: ModelVariant; scorer: ProbeScorer } | null = null;
        const scorerFor = async (variant: ModelVariant): Promise<ProbeScorer> => {
            if (scorer?.variant === variant) return scorer.scorer;
            await scorer?.scorer.dispose();
            scorer = { variant, scorer: await ProbeScorer.open(llama, variant.path, { threads: deps.threads, contextSize: 4096, gpu: deps.gpu }) };
            return scorer.scorer;
        };
        const beyondLearningMs = new Map<ModelVariant, number>();
        const advanceMs = (variant: ModelVariant, index: number) =>
            segmentSeconds(index) * 1000 + (beyondLearningMs.get(variant) ?? (scoringMs.get(variant) ?? 0) + learningStartAllowanceMs);
        let steps = 0;
        const plannedSteps = plan.mode === "sweep" ? arms.length * rungs.length : arms.length + 2 * (rungs.length - 1);
        try {
            const bestWithoutLearning = Math.max(...configs.map((config) => config.quality.points));
            const halving = await successiveHalving({
                arms, rungs, bestWithoutLearning, baseline: (arm) => arm.startQuality, ...halvingPolicy(plan.mode),
                // A step starts only when its learning and the scoring after it (as long as the last one took on that model
                // file, or its scoring without learning and a start-up allowance at first) end before learning must.
                shouldStop: (arm, index) => outOfTime() || now() + advanceMs(arm.variant, index) > learningEnd,
                advance: async (arm, index) => {
                    const advanceStarted = now();
                    report(`Learning ${variantName(arm.variant)} on ` +
                        `${String(Math.round(arm.dataFraction * 100))}% of your documents for ${formatSeconds(rungs[index]!)}…`, 0.3 + (0.65 * steps++) / plannedSteps);
                    const quality = await timed(() => arm.advance({
                        untilSeconds: rungs[index]!, deps, scorer: () => scorerFor(arm.variant), probes: probes.probes, prompts, recallAt5,
                        ...(signal ? { signal } : {})
                    }));
                    configs.push(...arm.results.slice(-2));
                    beyondLearningMs.set(arm.variant, now() - advanceStarted - segmentSeconds(index) * 1000);
                    return quality;
                }
            });
            if (halving.stopped && signal?.aborted !== true)
                notes.push(`Learning stopped where the time budget left no room for the next step (learning ${formatSeconds(rungs.at(-1)!)} in all was planned): the learning times shown are those measured.`);
            for (const { arm, afterRung, reason } of halving.pruned) {
                if (afterRung !== 0 || reason === "outranked") continue;
                const why = reason === "cannot catch up"
                    ? "even at its pace so far it could not come within 2 points of the best result"
                    : "even at its pace so far it could not beat the best setup without learning by more than a point, so it would never be recommended";
                notes.push(`Learning ${arm.variant.model.name} on ${String(Math.round(arm.dataFraction * 100))}% of the documents was stopped after ${formatSeconds(rungs[0]!)}: ${why}.`);
            }
        } catch (error) {
            if (!(signal?.aborted === true)) throw error;
        } finally {
            await (scorer as { scorer: ProbeScorer } | null)?.scorer.dispose();
        }
    }

    if (!(signal?.aborted === true) && plan.generationSample > 0 && configs.length > 0) {
        if (outOfTime()) notes.push("The time budget ran out before the best setups could be checked by letting them answer.");
        else {
            report("Checking the best setups by letting them answer…", 0.97);
            await timed(() => checkGeneration({ llama, deps, configs, probes: probes.probes, prompts, sample: plan.generationSample, until: deadline, now }));
        }
    }
    report("Done", 1);
    return { probes, configs, notes, computeSeconds: work, stopped: outOfTime(), learningSeconds: arms.length > 0 ? learningSeconds : null };
}

/** The share of each source chunk among the first 5 the library's retriever returns for its probe. */
async function measureRecall(deps: AdvisorDeps, probes: ProbeSet): Promise<number> {
    const retriever = await deps.retriever();
    let found = 0;
    for (const probe of probes.probes) {
        const hits = new Set((await retriever.retrieve(probe.question, { limit: 5 })).map((hit) => hit.id));
        if (probe.sources.every((source) => hits.has(source.chunkId))) found++;
    }
    return probes.probes.length === 0 ? 0 : found / probes.probes.length;
}

/** The arms: every trainable model file x share of the documents (nested shares, the same documents validate). */
async function learningArms(
    deps: AdvisorDeps, plan: AdvisorPlan, probes: ProbeSet, variants: readonly ModelVariant[], baselines: ReadonlyMap<ModelVariant, VariantBaseline>, notes: string[]
): Promise<LearningArm[]> {
    const validation = new Set(probes.validationDocumentIds);
    const all: TrainingDocument[] = deps.library.listDocuments(["indexed"])
        .map((document) => ({ id: document.id, text: documentText(deps.library.documentChunks(document.id)) }))
        .filter((document) => document.text.trim() !== "");
    const held = all.filter((document) => validation.has(document.id));
    const train = all.filter((document) => !validation.has(document.id)).sort((a, b) => hashString(a.id, plan.seed) - hashString(b.id, plan.seed));
    const arms: LearningArm[] = [];
    for (const variant of variants) {
        const baseline = baselines.get(variant);
        if (baseline == null) continue;
        const reason = await deps.cannotTrain?.(variant.model);
        if (reason != null) {
            notes.push(`${variant.model.name} was measured without learning only: ${reason}`);
            continue;
        }
        for (const fraction of plan.dataFractions) {
            const chosen = train.slice(0, Math.max(1, Math.round(fraction * train.length)));
            const outputDir = path.join(deps.workDir, "adapters", `${variant.model.id.slice(0, 8)}-${variant.compression}-${String(Math.round(fraction * 100))}`);
            arms.push(new LearningArm(variant, fraction, [...chosen, ...held], [...held.map((d) => d.id)], baseline, outputDir));
        }
    }
    return arms;
}


/** Starting a learning step (the trainer worker loading the model) before its budgeted seconds begin, at first guess. */
const learningStartAllowanceMs = 10_000;

function variantName(variant: ModelVariant): string {
    return `${variant.model.name}${variant.compression === "original" ? "" : ` (${variant.compression})`}`;
}

function formatSeconds(seconds: number): string {
    return seconds < 90 ? `${String(Math.round(seconds))} s` : `${(seconds / 60).toFixed(seconds < 600 ? 1 : 0)} min`;
}
