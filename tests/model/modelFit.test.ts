import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ModelFit, ModelInfo } from "../../src-main/common/contract/types.js";
import { simulatedMachines } from "../../src-main/hardware/simulatedMachines.js";
import { estimateFitFromGguf } from "../../src-main/recommend/fit/estimateFitFromGguf.js";
import { createServices, type Services } from "../../src-main/services/createServices.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

let tiny = "";
let embed = "";
let rerank = "";
const open: Services[] = [];
const dirs: string[] = [];

beforeAll(async () => {
    [tiny, embed, rerank] = await Promise.all([ensureSyntheticModel("tiny-f32"), ensureSyntheticModel("tiny-embed"), ensureSyntheticModel("tiny-rerank")]);
});
afterEach(async () => {
    for (const services of open.splice(0)) await services.dispose();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<Services> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-model-fit-"));
    dirs.push(dataDir);
    const services = await createServices({
        dataDir, host: "browser", engine: { gpu: false, threads: 2 }, simulatedHardware: simulatedMachines.laptop16GbCpu
    });
    open.push(services);
    return services;
}

async function call<T>(services: Services, method: string, args: unknown): Promise<T> {
    const result = await services.dispatcher.dispatch(method, args);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
}

/**
 * The list once it gives `modelId` a fit worked out at `contextSize` (or a failure): the list as it is
 * now if it does already, else the `models.changed` that pushes it.
 */
function fitPushed(services: Services, modelId: string, contextSize?: number): Promise<{ fit: ModelFit; list: ModelInfo[] }> {
    const wanted = (list: ModelInfo[]) => {
        const fit = list.find((model) => model.id === modelId)?.fit;
        if (fit === undefined || (fit.state === "checked" && contextSize !== undefined && fit.result.contextSize !== contextSize)) return null;
        return { fit, list };
    };
    return new Promise((resolve) => {
        const off = services.events.subscribe((message) => {
            const found = message.event === "models.changed" ? wanted(message.payload.models) : null;
            if (found === null) return;
            off();
            resolve(found);
        });
        const now = wanted(services.models.list());
        if (now !== null) {
            off();
            resolve(now);
        }
    });
}

describe("every model in the list gets its fit from its own GGUF header", () => {
    it("an imported GGUF is listed at once, then gets the wizard's fit (label and bytes) at the context size in settings", async () => {
        const services = await start();
        const contextSize = services.settings.get().contextSize;
        const added = await call<ModelInfo>(services, "models.addFromPath", { path: tiny });
        const { fit, list } = await fitPushed(services, added.id);
        if (fit.state !== "checked") throw new Error(`not checked: ${fit.reason}`);
        expect(fit.result).toMatchObject({
            modelId: added.id, quant: "F32", contextSize, label: "fits in memory", method: "gguf-insights", headerSource: "file", gpuLayers: 0
        });
        expect(fit.result.ramBytes).toBeGreaterThan(fit.result.diskBytes);
        expect(fit.result.diskBytes).toBeGreaterThan(0);
        // The same figures the wizard works out for this file on this (simulated) machine.
        expect(fit.result).toEqual(await estimateFitFromGguf({
            modelId: added.id, ggufPath: tiny, contextSize, hardware: { ...simulatedMachines.laptop16GbCpu, source: "simulated" }, capToTrainContext: true
        }));
        expect(list).toHaveLength(1);
        // Listing again answers from the cache, and the renderer never sees the file's folder.
        const listed = await call<ModelInfo[]>(services, "models.list", {});
        expect(listed[0]?.fit).toEqual(fit);
        expect(JSON.stringify(listed)).not.toContain(path.dirname(tiny));
    });

    it("a new context size in settings sends the list again, and the fit is worked out for it", async () => {
        const services = await start();
        const added = await call<ModelInfo>(services, "models.addFromPath", { path: tiny });
        const first = await fitPushed(services, added.id);
        if (first.fit.state !== "checked") throw new Error("not checked");
        const smaller = first.fit.result.contextSize / 4;
        const second = fitPushed(services, added.id, smaller);
        await call(services, "settings.update", { contextSize: smaller });
        const { fit } = await second;
        if (fit.state !== "checked") throw new Error("not checked");
        expect(fit.result.contextSize).toBe(smaller);
        // What the wizard works out at that context (on a model this small, the KV cache hardly shows in the bytes).
        expect(fit.result).toEqual(await estimateFitFromGguf({
            modelId: added.id, ggufPath: tiny, contextSize: smaller, hardware: { ...simulatedMachines.laptop16GbCpu, source: "simulated" }, capToTrainContext: true
        }));
        expect(fit.result.ramBytes).not.toBe(first.fit.result.ramBytes);
    });

    it("embedding models and rerankers get a fit too", async () => {
        const services = await start();
        const embedder = await call<ModelInfo>(services, "models.addFromPath", { path: embed });
        const reranker = await call<ModelInfo>(services, "models.addFromPath", { path: rerank });
        expect([embedder.role, reranker.role]).toEqual(["embedding", "reranker"]);
        const [a, b] = await Promise.all([fitPushed(services, embedder.id), fitPushed(services, reranker.id)]);
        for (const { fit } of [a, b]) {
            if (fit.state !== "checked") throw new Error(`not checked: ${fit.reason}`);
            expect(fit.result.label).toBe("fits in memory");
            expect(fit.result.ramBytes).toBeGreaterThan(0);
        }
    });

    it("a file that can no longer be read shows why, naming it, and the rest of the list still comes", async () => {
        const services = await start();
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-model-fit-file-"));
        dirs.push(dir);
        const copy = path.join(dir, "moved-away.gguf");
        fs.copyFileSync(tiny, copy);
        const gone = await call<ModelInfo>(services, "models.addFromPath", { path: copy });
        const kept = await call<ModelInfo>(services, "models.addFromPath", { path: tiny });
        await Promise.all([fitPushed(services, gone.id), fitPushed(services, kept.id)]);
        fs.rmSync(copy);
        const smaller = services.settings.get().contextSize / 2;
        const failed = fitPushed(services, gone.id, smaller);
        const checked = fitPushed(services, kept.id, smaller);
        await call(services, "settings.update", { contextSize: smaller });
        const [{ fit }, other] = await Promise.all([failed, checked]);
        expect(fit).toEqual({ state: "failed", reason: "moved-away.gguf is no longer where it was added. Add it again from its new place." });
        expect(other.fit).toMatchObject({ state: "checked", result: { contextSize: smaller } });
        expect((await call<ModelInfo[]>(services, "models.list", {})).map((model) => model.fit?.state).sort()).toEqual(["checked", "failed"]);
    });
});
