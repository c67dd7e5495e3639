import { describe, expect, it } from "vitest";
import type { FitResult } from "../../../src-main/common/setup/types.js";
import { simulatedMachines } from "../../../src-main/hardware/simulatedMachines.js";
import { fitFailureReason } from "../../../src-main/models/fit/fitFailureReason.js";
import { ModelFits, type FitSubject } from "../../../src-main/models/fit/ModelFits.js";
import type { GgufFitRequest } from "../../../src-main/recommend/fit/estimateFitFromGguf.js";

const chat: FitSubject = { id: "chat-1", path: "/home/me/models/chat.gguf", fileName: "chat.gguf", role: "chat" };
const embedder: FitSubject = { id: "embed-1", path: "/home/me/models/embed.gguf", fileName: "embed.gguf", role: "embedding" };

/**
 * The cache around the estimator, with an estimator that records what it was asked and answers when
 * the test says so (the real one, node-llama-cpp's resolver, is exercised in tests/model/modelFit.test.ts).
 */
function harness(contextSize = 4096) {
    const requests: GgufFitRequest[] = [];
    const waiting: Array<{ request: GgufFitRequest; settle: (outcome: FitResult | Error) => void }> = [];
    let settled = 0;
    const context = { size: contextSize };
    const fits = new ModelFits({
        hardware: () => Promise.resolve(simulatedMachines.laptop16GbCpu),
        contextSize: () => context.size,
        estimate: (request) => new Promise<FitResult>((resolve, reject) => {
            requests.push(request);
            waiting.push({ request, settle: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)) });
        })
    });
    fits.onSettled(() => settled++);
    const answer = async (outcome: (request: GgufFitRequest) => FitResult | Error) => {
        await until(() => waiting.length > 0);
        const next = waiting.shift()!;
        next.settle(outcome(next.request));
        await new Promise((resolve) => setImmediate(resolve));
    };
    return { fits, requests, context, answer, settled: () => settled };
}

async function until(condition: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
}

const fitFor = (request: GgufFitRequest): FitResult => ({
    modelId: request.modelId, quant: "Q4_K_M", contextSize: request.contextSize, label: "fits in memory", method: "gguf-insights",
    headerSource: "file", gpuLayers: 0, totalLayers: 28, ramBytes: request.contextSize * 1000, vramBytes: 0, diskBytes: 2e9,
    explanation: "Needs about 4.1 GB of memory, which this computer has to spare."
});

describe("ModelFits", () => {
    it("never makes the list wait: unknown at first, then known and reported, and not worked out twice", async () => {
        const { fits, requests, answer, settled } = harness();
        expect(fits.known(chat)).toBeUndefined();
        expect(fits.known(chat)).toBeUndefined();
        await answer(fitFor);
        expect(requests).toHaveLength(1);
        expect(settled()).toBe(1);
        expect(fits.known(chat)).toEqual({ state: "checked", result: fitFor(requests[0]!) });
        expect(requests).toHaveLength(1);
    });

    it("asks for each file's fit at the context size in settings, on an embedding context for embedders, capped at the trained context", async () => {
        const { fits, requests, answer } = harness(2048);
        fits.known(chat);
        fits.known(embedder);
        await answer(fitFor);
        await answer(fitFor);
        expect(requests.map(({ modelId, ggufPath, contextSize, embeddingContext, capToTrainContext, hardware }) =>
            ({ modelId, ggufPath, contextSize, embeddingContext, capToTrainContext, machine: hardware.source }))).toEqual([
            { modelId: "chat-1", ggufPath: chat.path, contextSize: 2048, embeddingContext: false, capToTrainContext: true, machine: "simulated" },
            { modelId: "embed-1", ggufPath: embedder.path, contextSize: 2048, embeddingContext: true, capToTrainContext: true, machine: "simulated" }
        ]);
    });

    it("works the fit out again for another context size, and keeps the one for the first", async () => {
        const { fits, context, answer } = harness(4096);
        fits.known(chat);
        await answer(fitFor);
        context.size = 8192;
        expect(fits.known(chat)).toBeUndefined();
        await answer(fitFor);
        expect(fits.known(chat)).toMatchObject({ state: "checked", result: { contextSize: 8192, ramBytes: 8192 * 1000 } });
        context.size = 4096;
        expect(fits.known(chat)).toMatchObject({ state: "checked", result: { contextSize: 4096 } });
    });

    it("a file that cannot be read gives a failure with the reason, naming the file but not its folder", async () => {
        const { fits, answer, settled } = harness();
        fits.known(chat);
        await answer(() => Object.assign(new Error(`ENOENT: no such file or directory, open '${chat.path}'`), { code: "ENOENT" }));
        const fit = fits.known(chat);
        expect(fit).toEqual({ state: "failed", reason: "chat.gguf is no longer where it was added. Add it again from its new place." });
        expect(settled()).toBe(1);
    });

    it("fits worked out before the hardware was probed again are dropped, also one under way", async () => {
        const { fits, requests, answer, settled } = harness();
        fits.known(chat);
        fits.clear();
        await answer(fitFor);
        expect(settled()).toBe(0);
        expect(fits.known(chat)).toBeUndefined();
        await answer(fitFor);
        expect(requests).toHaveLength(2);
        expect(fits.known(chat)).toMatchObject({ state: "checked" });
    });

    it("a fit under way when its model is forgotten is not kept: the file may have changed meanwhile", async () => {
        const { fits, requests, answer, settled } = harness();
        fits.known(chat);
        fits.forget(chat.id);
        await answer(fitFor);
        expect(settled()).toBe(0);
        expect(fits.known(chat)).toBeUndefined();
        await answer(fitFor);
        expect(requests).toHaveLength(2);
        expect(fits.known(chat)).toMatchObject({ state: "checked" });
    });

    it("forgetting a model (removed, or its file added again) works its fit out anew", async () => {
        const { fits, requests, answer } = harness();
        expect(await Promise.all([fits.fit(chat), answer(fitFor)]).then(([fit]) => fit.state)).toBe("checked");
        fits.forget(chat.id);
        expect(fits.known(chat)).toBeUndefined();
        await answer(fitFor);
        expect(requests).toHaveLength(2);
    });
});

describe("fitFailureReason", () => {
    it("replaces the full path in a library's message with the file name", () => {
        expect(fitFailureReason("/a/b/m.gguf", "m.gguf", new Error("Invalid GGUF magic in /a/b/m.gguf"))).toBe("Invalid GGUF magic in m.gguf");
    });

    it("says in words when the file is gone or may not be read", () => {
        expect(fitFailureReason("/a/m.gguf", "m.gguf", Object.assign(new Error("x"), { code: "EACCES" }))).toMatch(/not allowed to read m\.gguf/);
    });
});
