import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdapterInfo, TrainingRunInfo } from "../../src-main/common/contract/personalizeTypes.js";
import { scoreContinuation } from "../../src-main/engine/scoreContinuation.js";
import { personalizeProbes, qualityQuestions } from "../support/quality/index.js";
import { openQualityLibrary, type QualityLibrary } from "../support/qualityRun/openQualityLibrary.js";

let library: QualityLibrary;

beforeAll(async () => {
    library = await openQualityLibrary();
});
afterAll(async () => {
    await library?.dispose();
});

/** Mean log-probability per probe of its answer after its question, with whatever adapter chat uses now. */
async function probeScores(): Promise<number[]> {
    const { model, sequence } = library.services.engine.requireLoaded();
    const scores: number[] = [];
    for (const probe of personalizeProbes) {
        const prefix = model.tokenize(`Question: ${probe.prompt}\nAnswer:`, false);
        const score = await scoreContinuation(sequence, prefix, model.tokenize(` ${probe.answer}`, false));
        scores.push(score.logProb);
    }
    return scores;
}

/** Each expected fact's span blanked out of its source sentence as worded: the text before it, and the span. */
const clozes = [...new Map(qualityQuestions.flatMap((question) => question.expected).flatMap((fact) => {
    const form = fact.answers.find((answer) => fact.passage.includes(answer));
    if (form == null) return [];
    const at = fact.passage.indexOf(form);
    return at < 8 ? [] : [[fact.passage, { prefix: fact.passage.slice(0, at).trimEnd(), span: ` ${form}` }] as const];
})).values()];

/** Log-probability of each blanked span after the words before it in its sentence. */
async function clozeScores(): Promise<number[]> {
    const { model, sequence } = library.services.engine.requireLoaded();
    const scores: number[] = [];
    for (const cloze of clozes) scores.push((await scoreContinuation(sequence, model.tokenize(cloze.prefix, false), model.tokenize(cloze.span, false))).logProb);
    return scores;
}

describe("Personalize with the real starter chat model", () => {
    it("lowers the held-out loss on the corpus and raises the log-probability of answers to questions about it", async () => {
        const before = await probeScores();
        const clozeBefore = await clozeScores();
        const call = library.services.dispatcher.dispatch.bind(library.services.dispatcher);

        // Two minutes: on two cores, with one thread kept for chat, about 25 steps of 512 tokens (1.5 passes over the corpus).
        const started = await call("training.start", { budgetMinutes: 2 });
        expect(started.ok, JSON.stringify(started)).toBe(true);
        let run: TrainingRunInfo | null = null;
        const deadline = Date.now() + 5 * 60_000;
        while (Date.now() < deadline) {
            run = library.services.personalize.training.status();
            if (run != null && ["done", "failed", "cancelled"].includes(run.state)) break;
            await new Promise((resolve) => setTimeout(resolve, 500));
        }
        expect(run?.state, run?.error ?? "").toBe("done");
        const adapters = (await call("adapters.list", {})) as { ok: true; value: AdapterInfo[] };
        const adapter = adapters.value.find((a) => a.id === run!.adapterId)!;
        console.log(`Personalize, ${run!.budgetMinutes} minutes on ${run!.documentCount} documents: ${adapter.steps} steps, ${adapter.tokensTrained} tokens, ` +
            `loss on ${adapter.lossOn} text ${adapter.lossBefore?.toFixed(3)} -> ${adapter.lossAfter?.toFixed(3)}`);
        expect(adapter.lossOn).toBe("held-out");
        expect(adapter.lossAfter!).toBeLessThan(adapter.lossBefore!);

        const activated = await call("adapters.activate", { adapterId: adapter.id });
        expect(activated.ok, JSON.stringify(activated)).toBe(true);
        const after = await probeScores();
        const clozeAfter = await clozeScores();
        const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
        const raised = after.filter((score, i) => score > before[i]!).length;
        console.log(`answer log-probability over ${before.length} probes: mean ${mean(before).toFixed(2)} -> ${mean(after).toFixed(2)} nats; raised for ${raised}`);
        const clozeRaised = clozeAfter.filter((score, i) => score > clozeBefore[i]!).length;
        console.log(`fact spans blanked in their sentences (${clozes.length}): mean ${mean(clozeBefore).toFixed(2)} -> ${mean(clozeAfter).toFixed(2)} nats; raised for ${clozeRaised}`);
        expect(mean(after)).toBeGreaterThan(mean(before));
        expect(mean(clozeAfter)).toBeGreaterThan(mean(clozeBefore));
        expect(clozeRaised).toBeGreaterThan(clozes.length / 2);
    });
});
