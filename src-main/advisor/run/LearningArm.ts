import path from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { loraShapeFor } from "../../personalize/loraShapeFor.js";
import type { TrainingDocument } from "../../trainer/types.js";
import { generalProse } from "../generalProse.js";
import type { ProbeScorer } from "../score/ProbeScorer.js";
import type { Probe } from "../types.js";
import { configBase, type VariantBaseline } from "./measureVariant.js";
import type { PromptSource } from "./PromptSource.js";
import { scoreProbes } from "./scoreProbes.js";
import type { AdvisorDeps, MeasuredConfig, ModelVariant } from "./types.js";

/** An adapter that raises the loss on plain prose by more than this share is flagged and never recommended. */
export const forgettingLimit = 0.05;

/**
 * One learning arm of the search: a model file and a share of the documents, trained in segments (each
 * resuming from the last), its adapter scored with and without the library after each segment.
 */
export class LearningArm {
    #adapter: string | null = null;
    #trainedSeconds = 0;
    readonly results: MeasuredConfig[] = [];

    constructor(
        readonly variant: ModelVariant,
        readonly dataFraction: number,
        private readonly documents: readonly TrainingDocument[],
        private readonly validationDocumentIds: readonly string[],
        readonly baseline: VariantBaseline,
        private readonly outputDir: string
    ) {}

    get key(): string {
        return `${this.variant.model.id}|${this.variant.compression}|${String(this.dataFraction)}`;
    }

    /** The best of its two methods before learning: where its learning curve starts. */
    get startQuality(): number {
        return Math.max(this.baseline.none.quality.points, this.baseline.rag.quality.points);
    }

    /**
     * Trains on until `untilSeconds` of learning in all, then scores LoRA and RAG + LoRA; returns the better
     * quality of the two that does not forget (plain prose markedly worse), or the better one anyway.
     */
    async advance(input: {
        untilSeconds: number; deps: AdvisorDeps; scorer: () => Promise<ProbeScorer>; probes: readonly Probe[]; prompts: PromptSource;
        recallAt5: number; signal?: AbortSignal;
    }): Promise<number> {
        const { deps } = input;
        const segment = input.untilSeconds - this.#trainedSeconds;
        const info = await readGgufFileInfo(this.variant.path, { logWarnings: false }).catch(() => undefined);
        const shape = loraShapeFor(info, this.documents, this.variant.model.sizeBytes);
        let adapter: string | null = null;
        let peak = 0;
        const result = await deps.trainer.train({
            modelPath: this.variant.path, outputDir: this.outputDir, name: `t${String(Math.round(input.untilSeconds))}`,
            documents: [...this.documents], validationDocumentIds: [...this.validationDocumentIds],
            ...(this.#adapter != null ? { resumeFrom: this.#adapter } : {}),
            options: { ...shape, budgetSeconds: segment, threads: deps.trainerThreads, snapshotSeconds: [segment] }
        }, {
            ...(input.signal ? { signal: input.signal } : {}),
            onEvent: (event) => {
                if (event.type === "snapshot") adapter = event.adapterPath;
            }
        });
        peak = result.stats.peakRssBytes;
        input.signal?.throwIfAborted();
        if (adapter == null) throw new Error(`the learning run on ${path.basename(this.variant.path)} ended without saving its weights (${result.stats.stoppedBy})`);
        this.#adapter = adapter;
        this.#trainedSeconds = input.untilSeconds;

        const scorer = await input.scorer();
        await scorer.useAdapter(adapter);
        const proseLoss = await scorer.proseLoss(generalProse);
        const change = (proseLoss - this.baseline.proseLoss) / this.baseline.proseLoss;
        const forgetting = { lossBefore: this.baseline.proseLoss, lossAfter: proseLoss, change, flagged: change > forgettingLimit };
        let best = Number.NEGATIVE_INFINITY;
        for (const rag of [false, true]) {
            const scored = await scoreProbes(scorer, input.probes, rag, input.prompts, this.variant.parameterCount, input.signal);
            const base = rag ? this.baseline.rag : this.baseline.none;
            this.results.push({
                ...configBase(this.variant, rag ? "rag+lora" : "lora", this.dataFraction, input.untilSeconds),
                ...scored, scores: scored.scores, recallAt5: rag ? input.recallAt5 : null, memoryBytes: base.memoryBytes,
                trainingPeakBytes: peak, forgetting, adapterPath: adapter, documentIds: this.documents.map((d) => d.id)
            });
            best = Math.max(best, scored.quality.points);
        }
        await scorer.useAdapter(null);
        return best;
    }
}
