import { getLlama, LlamaLogLevel, type Llama } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { HardwareProfile } from "../../src-main/common/setup/types.js";
import { simulatedMachines } from "../../src-main/hardware/simulatedMachines.js";
import { loadCatalog } from "../../src-main/models/loadCatalog.js";
import { estimateFitFromGguf } from "../../src-main/recommend/fit/estimateFitFromGguf.js";
import { fitModel } from "../../src-main/recommend/fit/fitModel.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

const GiB = 1024 ** 3;
let tiny = "";
let llama: Llama;

beforeAll(async () => {
    tiny = await ensureSyntheticModel("tiny-q8_0");
    llama = await getLlama({ gpu: false, logLevel: LlamaLogLevel.error });
});

afterAll(async () => {
    await llama?.dispose();
});

const fitOn = (hardware: HardwareProfile, withLlama?: Llama) =>
    estimateFitFromGguf({ modelId: "tiny", quant: "Q8_0", ggufPath: tiny, contextSize: 2048, hardware, llama: withLlama });

describe("fit from a GGUF header with node-llama-cpp's configuration resolver", () => {
    test.each([
        ["laptop8GbCpu", "fits in memory"],
        ["laptop16GbCpu", "fits in memory"],
        ["laptopCuda6Gb", "runs fully on your GPU"],
        ["appleUnified32Gb", "runs fully on your GPU"]
    ] as const)("simulated %s: %s", async (machine, label) => {
        const fit = await fitOn(simulatedMachines[machine]);
        expect(fit.method).toBe("gguf-insights");
        expect(fit.label).toBe(label);
        expect(fit.ramBytes + fit.vramBytes).toBeGreaterThan(fit.diskBytes);
        if (simulatedMachines[machine].gpu.type === false) expect(fit.gpuLayers).toBe(0);
        else expect(fit.gpuLayers).toBe(fit.totalLayers);
    });

    test("a machine whose memory budget is smaller than the model and context is told it is too large", async () => {
        const cramped: HardwareProfile = { ...simulatedMachines.laptop8GbCpu, ramTotalBytes: 2.1 * GiB, ramFreeBytes: 1 * GiB };
        expect((await fitOn(cramped)).label).toBe("too large for this computer");
    });

    test("on this machine, with the app's Llama, the load is simulated by llama.cpp itself", async () => {
        const thisMachine: HardwareProfile = { ...simulatedMachines.laptop16GbCpu, source: "probed" };
        const fit = await fitOn(thisMachine, llama);
        expect(fit.label).toBe("fits in memory");
        expect(fit.ramBytes).toBeGreaterThan(fit.diskBytes);
    });

    test("fitModel reads the header when the file exists and falls back to catalog metadata when it does not", async () => {
        const { models } = await loadCatalog();
        const entry = models.find((model) => model.id === "llama-3.2-1b-instruct");
        const quant = entry?.quants.find((candidate) => candidate.quant === "Q8_0");
        if (entry === undefined || quant === undefined) throw new Error("catalog entry missing");
        const hardware = simulatedMachines.laptop16GbCpu;
        expect((await fitModel({ entry, quant, contextSize: 2048, hardware, ggufPath: tiny })).method).toBe("gguf-insights");
        expect((await fitModel({ entry, quant, contextSize: 2048, hardware, ggufPath: `${tiny}.missing` })).method).toBe("catalog-estimate");
        expect((await fitModel({ entry, quant, contextSize: 2048, hardware })).method).toBe("catalog-estimate");
    });
});
