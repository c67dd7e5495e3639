import { describe, expect, it, vi } from "vitest";
import { samplingLimits } from "../../../src-main/common/contract/chatTypes.js";
import { effectiveSampling, modelSampling, toEngineSampling } from "../../../src-main/chat/sampling/index.js";
import { GROUNDED_SAMPLING } from "../../../src-main/answer/groundedSampling.js";
import { Dispatcher, type Handlers } from "../../../src-main/ipc/Dispatcher.js";

function dispatcherWith(name: keyof Handlers, handler: (input: unknown) => unknown): Dispatcher {
    return new Dispatcher(new Proxy({} as Handlers, { get: (_target, key) => (key === name ? handler : () => { throw new Error("not called"); }) }));
}

async function refusal(method: "chats.configure" | "settings.update", args: unknown): Promise<string> {
    const handler = vi.fn();
    const result = await dispatcherWith(method, handler).dispatch(method, args);
    expect(handler).not.toHaveBeenCalled();
    if (result.ok) throw new Error("accepted");
    expect(result.error.kind).toBe("invalid-input");
    return result.error.message;
}

describe("sampling settings at the boundary", () => {
    it("refuses a value out of range, naming the field and the allowed range", async () => {
        expect(await refusal("chats.configure", { chatId: "c1", sampling: { temperature: 3 } }))
            .toBe("Invalid sampling.temperature for chats.configure: must be between 0 and 2.");
        expect(await refusal("chats.configure", { chatId: "c1", sampling: { topP: -0.1 } })).toContain("sampling.topP");
        expect(await refusal("chats.configure", { chatId: "c1", sampling: { topK: 2.5 } })).toContain("must be a whole number between 0 and 500");
        expect(await refusal("chats.configure", { chatId: "c1", sampling: { repeatPenalty: 0.5 } })).toContain("between 1 and 2");
        expect(await refusal("chats.configure", { chatId: "c1", sampling: { maxTokens: 1_000_000 } })).toContain("sampling.maxTokens");
        expect(await refusal("chats.configure", { chatId: "c1", sampling: { seed: -1 } })).toContain("sampling.seed");
        expect(await refusal("settings.update", { sampling: { minP: 2 } })).toContain("sampling.minP");
    });

    it("refuses values that are not numbers and fields that do not exist", async () => {
        expect(await refusal("chats.configure", { chatId: "c1", sampling: { temperature: "hot" } })).toContain("sampling.temperature");
        expect(await refusal("chats.configure", { chatId: "c1", sampling: { mirostat: 2 } })).toContain("sampling");
        expect(await refusal("settings.update", { systemPrompt: "   " })).toContain("systemPrompt");
    });

    it("accepts every value at the edges of its range, and a null seed", async () => {
        const handler = vi.fn(() => null);
        const dispatcher = dispatcherWith("chats.configure", handler);
        const lowest = Object.fromEntries(Object.entries(samplingLimits).map(([field, limits]) => [field, limits.min]));
        const highest = Object.fromEntries(Object.entries(samplingLimits).map(([field, limits]) => [field, limits.max]));
        expect((await dispatcher.dispatch("chats.configure", { chatId: "c1", sampling: lowest })).ok).toBe(true);
        expect((await dispatcher.dispatch("chats.configure", { chatId: "c1", sampling: highest })).ok).toBe(true);
        expect((await dispatcher.dispatch("chats.configure", { chatId: "c1", sampling: { seed: null } })).ok).toBe(true);
        expect(handler).toHaveBeenCalledTimes(3);
    });
});

describe("effective sampling", () => {
    const layers = { chat: null, settings: {}, model: {}, maxTokens: 512 };

    it("uses Locus's chat defaults when nobody set anything", () => {
        const { values, from } = effectiveSampling("chat", layers);
        expect(values).toEqual({ temperature: 0.7, topP: 0.9, topK: 40, minP: 0, repeatPenalty: 1, maxTokens: 512, seed: null });
        expect(new Set(Object.values(from))).toEqual(new Set(["locus"]));
    });

    it("takes the model file's advice over Locus's, Settings over the model, and the chat over Settings", () => {
        const { values, from } = effectiveSampling("chat", {
            ...layers, model: { temperature: 0.6, topK: 20, topP: 0.95 }, settings: { temperature: 0.3, seed: 7 }, chat: { temperature: 1.1 }
        });
        expect(values).toMatchObject({ temperature: 1.1, topK: 20, topP: 0.95, seed: 7 });
        expect(from).toMatchObject({ temperature: "chat", topK: "model", topP: "model", seed: "settings", minP: "locus" });
    });

    it("keeps the grounded sampling for library answers unless the person sets a value, and ignores the model's advice there", () => {
        const grounded = effectiveSampling("library", { ...layers, model: { temperature: 0.6, repeatPenalty: 1.3 } });
        expect(grounded.values).toMatchObject({ temperature: GROUNDED_SAMPLING.temperature, repeatPenalty: GROUNDED_SAMPLING.repeatPenalty.penalty });
        expect(grounded.from).toMatchObject({ temperature: "library", repeatPenalty: "library" });
        const chosen = effectiveSampling("library", { ...layers, chat: { temperature: 0.5 } });
        expect(chosen.values.temperature).toBe(0.5);
        expect(chosen.from.temperature).toBe("chat");
    });

    it("lets a chat's null seed (a new seed every time) win over a seed in Settings", () => {
        expect(effectiveSampling("chat", { ...layers, settings: { seed: 3 }, chat: { seed: null } }).values.seed).toBeNull();
    });

    it("becomes node-llama-cpp options: no penalty tracking at 1, the answer capped by the context", () => {
        const { values } = effectiveSampling("chat", { ...layers, chat: { maxTokens: 8192, seed: 42, repeatPenalty: 1 } });
        expect(toEngineSampling(values, 2048)).toEqual({
            temperature: 0.7, topP: 0.9, topK: 40, minP: 0, repeatPenalty: false, maxTokens: 2048, seed: 42
        });
        expect(toEngineSampling({ ...values, repeatPenalty: 1.1, seed: null }, 4096)).toMatchObject({ repeatPenalty: { penalty: 1.1 } });
        expect(toEngineSampling({ ...values, seed: null }, 4096)).not.toHaveProperty("seed");
    });
});

describe("a model file's recommended sampling", () => {
    it("reads llama.cpp's general.sampling keys, float32 noise rounded away", () => {
        expect(modelSampling({ general: { sampling: { temp: 0.6000000238418579, top_k: 20, top_p: 0.949999988079071, min_p: 0, penalty_repeat: 1.05 } } }))
            .toEqual({ temperature: 0.6, topK: 20, topP: 0.95, minP: 0, repeatPenalty: 1.05 });
    });

    it("ignores values out of range or of the wrong type, and files without the keys", () => {
        expect(modelSampling({ general: { sampling: { temp: 9, top_k: 2.5, top_p: "0.9", penalty_repeat: Number.NaN } } })).toEqual({});
        expect(modelSampling({ general: { name: "x" } })).toEqual({});
        expect(modelSampling(undefined)).toEqual({});
    });
});
