import { describe, expect, it } from "vitest";
import type { FitResult } from "../../../src-main/common/setup/types.js";
import { describeModelFit } from "../../../src-renderer/lib/format/index.js";

const GiB = 1024 ** 3;

const fit = (patch: Partial<FitResult>): FitResult => ({
    modelId: "m", quant: "Q4_K_M", contextSize: 4096, label: "fits in memory", method: "gguf-insights", headerSource: "file",
    gpuLayers: 0, totalLayers: 28, ramBytes: 3.2 * GiB, vramBytes: 0, diskBytes: 2.5 * GiB,
    explanation: "Needs about 3.4 GB of memory, which this computer has to spare.", ...patch
});

describe("describeModelFit", () => {
    it("says the model is being checked while its fit is worked out", () => {
        expect(describeModelFit(undefined)).toEqual({ state: "checking", text: "Checking whether it fits this computer…" });
    });

    it("gives the wizard's label and the memory the model needs at the context size", () => {
        expect(describeModelFit({ state: "checked", result: fit({}) })).toEqual({
            state: "checked", label: "fits in memory", text: "Needs about 3.2 GB of memory at 4,096 tokens of context",
            detail: "Needs about 3.4 GB of memory, which this computer has to spare. From the file's header."
        });
    });

    it("names GPU memory apart when layers are offloaded", () => {
        const line = describeModelFit({ state: "checked", result: fit({ label: "runs fully on your GPU", vramBytes: 2 * GiB, ramBytes: 0.5 * GiB, contextSize: 8192 }) });
        expect(line).toMatchObject({ label: "runs fully on your GPU", text: "Needs about 2.0 GB of GPU memory and 512 MB of memory at 8,192 tokens of context" });
    });

    it("says it could not be checked, and why", () => {
        expect(describeModelFit({ state: "failed", reason: "m.gguf is no longer where it was added." }))
            .toEqual({ state: "failed", text: "Could not be checked: m.gguf is no longer where it was added." });
    });
});
