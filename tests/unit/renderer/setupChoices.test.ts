import type { Recommendation } from "@common/setup/types.js";
import { describe, expect, it } from "vitest";
import { contextOptions } from "../../../src-renderer/lib/state/setup/contextOptions.js";
import { memoryKeyValueStore } from "../../../src-renderer/lib/state/setup/keyValueStore.js";
import { choicesFromRecommendation, parseSetupChoices, type SetupChoices } from "../../../src-renderer/lib/state/setup/setupChoices.js";

const valid: SetupChoices = {
    chat: { catalogId: "qwen3-1.7b", quant: "Q4_K_M" },
    contextSize: 4096,
    threads: 4,
    embedding: { catalogId: "bge-small-en-v1.5", quant: "Q8_0" },
    learning: { method: "rag" },
    goals: { difficulty: "find-facts", learningBudgetMinutes: 0, latency: "balanced" }
};

describe("parseSetupChoices", () => {
    it("reads back what was stored", () => {
        expect(parseSetupChoices(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
        const lora = { ...valid, learning: { method: "rag+lora", rank: 8, budgetMinutes: 30 } };
        expect(parseSetupChoices(lora)).toEqual(lora);
    });

    it("treats anything malformed as no choice, so a bad value never reaches the services", () => {
        expect(parseSetupChoices(null)).toBeNull();
        expect(parseSetupChoices("text")).toBeNull();
        expect(parseSetupChoices({ ...valid, contextSize: 10 })).toBeNull();
        expect(parseSetupChoices({ ...valid, threads: 0 })).toBeNull();
        expect(parseSetupChoices({ ...valid, chat: { catalogId: "../../etc/passwd", quant: "Q4_K_M" } })).toBeNull();
        expect(parseSetupChoices({ ...valid, learning: { method: "rag+lora", rank: 8 } })).toBeNull();
    });

    it("keeps the choices when only the wizard's answers are unreadable", () => {
        expect(parseSetupChoices({ ...valid, goals: { difficulty: "poetry" } })).toEqual({ ...valid, goals: null });
    });
});

describe("choicesFromRecommendation", () => {
    it("takes the picked chat model with its own context, and the shared parts from the recommendation", () => {
        const fit = {
            modelId: "m", quant: "Q4_K_M", contextSize: 8192, label: "fits in memory", method: "catalog-estimate",
            gpuLayers: 0, totalLayers: 17, ramBytes: 1, vramBytes: 0, diskBytes: 1, explanation: ""
        } as const;
        const chat = { modelId: "qwen3-1.7b", displayName: "Qwen3 1.7B", quant: "Q4_K_M", fileName: "f.gguf", sizeBytes: 1, contextSize: 4096, fit };
        const alternative = { ...chat, modelId: "llama-3.2-1b-instruct", contextSize: 8192 };
        const recommendation: Recommendation = {
            chat, contextSize: 4096, threads: 4, gpuLayers: 0,
            embedding: { modelId: "bge-small-en-v1.5", displayName: "BGE", quant: "Q8_0", fileName: "e.gguf", sizeBytes: 1 },
            learning: { method: "rag+lora", lora: { rank: 8, alpha: 16, targetLayers: { first: 1, last: 2, count: 2 }, targetModules: [], budgetMinutes: 25 } },
            alternatives: [{ chat: alternative, reason: "Quicker." }],
            reasons: { chatModel: "", quantization: "", contextSize: "", threads: "", gpuLayers: "", embeddingModel: "", learningMethod: "" }
        };
        expect(choicesFromRecommendation(recommendation, alternative, null)).toEqual({
            chat: { catalogId: "llama-3.2-1b-instruct", quant: "Q4_K_M" },
            contextSize: 8192,
            threads: 4,
            embedding: { catalogId: "bge-small-en-v1.5", quant: "Q8_0" },
            learning: { method: "rag+lora", rank: 8, budgetMinutes: 25 },
            goals: null
        });
    });
});

describe("contextOptions", () => {
    it("offers the standard sizes the model can read, its own maximum, and the current choice", () => {
        expect(contextOptions(40960, 4096)).toEqual([2048, 4096, 8192, 16384, 32768, 40960]);
        expect(contextOptions(131072, 6000)).toEqual([2048, 4096, 6000, 8192, 16384, 32768, 65536, 131072]);
        expect(contextOptions(512, 4096)).toEqual([512]);
    });
});

describe("memoryKeyValueStore", () => {
    it("keeps values for the session", () => {
        const store = memoryKeyValueStore({ a: "1" });
        store.set("b", "2");
        expect([store.get("a"), store.get("b"), store.get("c")]).toEqual(["1", "2", null]);
    });
});
