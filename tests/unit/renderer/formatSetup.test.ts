import type { DownloadJob } from "@common/contract";
import type { GpuProfile } from "@common/setup/types.js";
import { describe, expect, it } from "vitest";
import {
    bitsPerWeight, cpuHighlights, describeContext, describeFitBasis, describeCpu, describeDisk, describeDownload, describeGpu, describeLearning,
    describeMemory, describeModelSize, describeParameters, describeQuantization, downloadFraction, formatBytes, formatMinutes,
    formatSpeed, formatTimeLeft, isTooLarge, presentFit, qualityLoss
} from "../../../src-renderer/lib/format/index.js";

const GiB = 1024 ** 3;

describe("describeQuantization", () => {
    it("says how many bits per weight a file spends, its size and the quality it costs", () => {
        // 2.5 GiB for 4.47 billion weights: about 4.8 bits each, as a Q4_K_M file of a 4B model.
        const text = describeQuantization({ quant: "Q4_K_M", sizeBytes: 2.5 * GiB, parameterCount: 4.47e9 });
        expect(text).toBe("compressed to about 4.8 bits per weight: 2.5 GB, small loss of quality");
    });

    it("falls back to the type's nominal bits when the parameter count is unknown", () => {
        expect(bitsPerWeight({ quant: "Q8_0", sizeBytes: 1e9, parameterCount: null })).toBe(8.5);
        expect(describeQuantization({ quant: "q8_0", sizeBytes: null, parameterCount: null })).toBe(
            "compressed to about 8.5 bits per weight: almost no loss of quality"
        );
    });

    it("calls 16-bit files full precision, with no loss", () => {
        expect(describeQuantization({ quant: "F16", sizeBytes: 2 * GiB, parameterCount: 1e9 })).toBe(
            "full precision (16 bits per weight): 2.0 GB, no loss of quality"
        );
    });

    it("judges quality by the type, not by a small model's inflated effective bits", () => {
        // A 0.6B model's Q4_K_M file spends ~5.5 effective bits because of its large word table.
        expect(qualityLoss({ quant: "Q4_K_M", sizeBytes: 0.41e9, parameterCount: 0.6e9 })).toBe("small loss of quality");
        expect(qualityLoss({ quant: "Q2_K", sizeBytes: null, parameterCount: null })).toBe("large loss of quality");
    });

    it("names an unknown type rather than inventing a figure", () => {
        expect(describeQuantization({ quant: "XYZ9", sizeBytes: null, parameterCount: null })).toBe("stored as XYZ9");
    });
});

describe("presentFit", () => {
    it("gives each fit label a tone, an icon that works without colour, and a sentence-case text", () => {
        expect(presentFit("fits in memory")).toMatchObject({ tone: "good", icon: "✓", text: "Fits in memory" });
        expect(presentFit("runs partly on your GPU")).toMatchObject({ tone: "partial", icon: "◐" });
        expect(presentFit("too large for this computer")).toMatchObject({ tone: "bad", icon: "✕", color: "var(--danger-text)" });
        expect(isTooLarge("too large for this computer")).toBe(true);
        expect(isTooLarge("runs fully on your GPU")).toBe(false);
    });
});

describe("formatTimeLeft", () => {
    it("rounds the way people estimate", () => {
        expect(formatTimeLeft(10)).toBe("less than a minute left");
        expect(formatTimeLeft(70)).toBe("about a minute left");
        expect(formatTimeLeft(185)).toBe("about 3 minutes left");
        expect(formatTimeLeft(3600 + 20 * 60)).toBe("about 1 hour 20 minutes left");
        expect(formatTimeLeft(2 * 3600 + 60)).toBe("about 2 hours left");
    });

    it("admits when the time is not known yet", () => {
        expect(formatTimeLeft(null)).toBe("working out the time left");
        expect(formatTimeLeft(Number.NaN)).toBe("working out the time left");
    });
});

describe("formatMinutes and formatSpeed", () => {
    it("writes durations in words", () => {
        expect(formatMinutes(0)).toBe("no time");
        expect(formatMinutes(1)).toBe("1 minute");
        expect(formatMinutes(30)).toBe("30 minutes");
        expect(formatMinutes(60)).toBe("1 hour");
        expect(formatMinutes(90)).toBe("1 hour 30 minutes");
    });

    it("writes speeds per second, and nothing while unknown", () => {
        expect(formatSpeed(3.2 * 1024 ** 2)).toBe("3.2 MB/s");
        expect(formatSpeed(null)).toBe("");
    });

    it("keeps sizes short", () => {
        expect(formatBytes(812 * 1024 ** 2)).toBe("812 MB");
        expect(formatBytes(-1)).toBe("unknown size");
    });
});

describe("describing models", () => {
    it("says how big a model is in words and numbers", () => {
        expect(describeParameters(1.72e9)).toBe("1.7 billion parameters");
        expect(describeParameters(600e6)).toBe("600 million parameters");
        expect(describeParameters(8e9)).toBe("8 billion parameters");
        expect(describeModelSize(1.72e9)).toBe("a small model (1.7 billion parameters)");
        expect(describeModelSize(4.02e9)).toBe("a medium-sized model (4 billion parameters)");
        expect(describeModelSize(null)).toBe("a model of unknown size");
    });

    it("turns a context size into words that can be read at once", () => {
        expect(describeContext(4096)).toBe("4,096 tokens: about 3,000 words at once");
        expect(describeContext(131072)).toBe("131,072 tokens: about 98,000 words at once");
    });

    it("describes the learning method in the person's words, naming the technique", () => {
        expect(describeLearning({ method: "rag" })).toBe("Look up the right passages in your documents (RAG)");
        const lora = {
            rank: 16, alpha: 32, targetLayers: { first: 20, last: 27, count: 8 }, targetModules: ["attn_q"], budgetMinutes: 30
        };
        expect(describeLearning({ method: "rag+lora", lora })).toBe(
            "Look up passages and also train a small add-on on your documents (RAG + LoRA, rank 16) for up to 30 minutes"
        );
    });
});

describe("describing hardware", () => {
    const noGpu: GpuProfile = { type: false, deviceNames: [], vramTotalBytes: 0, vramFreeBytes: 0, unifiedMemoryBytes: 0 };

    it("says plainly when there is no GPU", () => {
        expect(describeGpu(noGpu)).toBe("No graphics processor Locus can use: the processor does all the work");
    });

    it("names a discrete GPU with its memory, and a unified one as shared", () => {
        const cuda: GpuProfile = { type: "cuda", deviceNames: ["RTX 3060"], vramTotalBytes: 6 * GiB, vramFreeBytes: 5.6 * GiB, unifiedMemoryBytes: 0 };
        expect(describeGpu(cuda)).toBe("RTX 3060 (CUDA): 6.0 GB of graphics memory, 5.6 GB free");
        const metal: GpuProfile = { type: "metal", deviceNames: ["Apple M2"], vramTotalBytes: 24 * GiB, vramFreeBytes: 21 * GiB, unifiedMemoryBytes: 24 * GiB };
        expect(describeGpu(metal)).toContain("shares memory with the processor");
    });

    it("describes memory, cores, instruction sets and disk", () => {
        expect(describeMemory({ ramTotalBytes: 8 * GiB, ramFreeBytes: 4.5 * GiB })).toBe("8.0 GB in total, about 4.5 GB free now");
        expect(describeCpu({ model: "Intel Core i5-8250U", logicalCores: 8, mathCores: 4, architecture: "x64", features: [] }))
            .toBe("Intel Core i5-8250U: 4 math cores (8 threads)");
        expect(cpuHighlights(["sse3", "fma", "AVX2", "f16c"])).toEqual(["AVX2", "FMA", "F16C"]);
        expect(cpuHighlights(["neon", "dotprod"])).toEqual(["dot product", "NEON"]);
        expect(describeDisk(60 * GiB)).toBe("60.0 GB free for models");
        expect(describeDisk(null)).toBe("Free disk space could not be read");
    });
});

describe("describeDownload", () => {
    const job = (patch: Partial<DownloadJob>): DownloadJob => ({
        id: "j1", catalogId: "qwen3-4b", quant: "Q4_K_M", fileName: "Qwen3-4B-Q4_K_M.gguf", state: "downloading",
        bytesDone: 1 * GiB, bytesTotal: 2.5 * GiB, bytesPerSecond: 5 * 1024 ** 2, secondsLeft: 300, error: null, modelId: null, ...patch
    });

    it("shows bytes, speed and time left while downloading", () => {
        expect(describeDownload(job({}))).toBe("1.0 GB of 2.5 GB · 5.0 MB/s · about 5 minutes left");
        expect(downloadFraction(job({}))).toBeCloseTo(0.4);
    });

    it("words every other state plainly, and shows the services' own reason for a failure", () => {
        expect(describeDownload(job({ state: "paused" }))).toBe("Paused at 1.0 GB of 2.5 GB");
        expect(describeDownload(job({ state: "verifying" }))).toBe("Checking that the file arrived intact…");
        expect(describeDownload(job({ state: "failed", error: "The disk is full: free 2 GB and try again." })))
            .toBe("The disk is full: free 2 GB and try again.");
        expect(describeDownload(job({ state: "failed" }))).toMatch(/failed/);
        expect(downloadFraction(job({ bytesTotal: null }))).toBeNull();
        expect(downloadFraction(job({ state: "done" }))).toBe(1);
    });
});

describe("describeFitBasis", () => {
    it("says whether a fit came from the file's header (local or on the hub) or from the catalog", () => {
        expect(describeFitBasis({ method: "gguf-insights", headerSource: "file" })).toBe("From the file's header.");
        expect(describeFitBasis({ method: "gguf-insights", headerSource: "hub" })).toMatch(/header, read from the model hub/);
        expect(describeFitBasis({ method: "catalog-estimate" })).toBe("Estimated from the catalog.");
    });
});
