import type { Settings } from "@common/contract";
import { defaultSettings } from "@common/contract";
import { describe, expect, it } from "vitest";
import { mainSettingsPatch } from "../../../src-renderer/lib/state/setup/mainSettingsPatch.js";
import type { SetupChoices } from "../../../src-renderer/lib/state/setup/setupChoices.js";

describe("settings applied to main", () => {
    const choices = (embedding = { catalogId: "embed-a", quant: "Q8_0" }): SetupChoices => ({
        chat: { catalogId: "chat-a", quant: "Q4_K_M" }, contextSize: 8192, threads: 4, embedding, learning: { method: "rag" }, goals: null
    });
    const main = (patch: Partial<Settings> = {}): Settings => ({ ...defaultSettings, ...patch });

    it("always sends the context size and threads", () => {
        expect(mainSettingsPatch(choices(), choices(), main({ embeddingModelId: "m1" }), null)).toEqual({ contextSize: 8192, threads: 4 });
    });

    it("sends the embedding model once its catalog file is installed and main has none", () => {
        expect(mainSettingsPatch(choices(), choices(), main(), "m9")).toEqual({ contextSize: 8192, threads: 4, embeddingModelId: "m9" });
        expect(mainSettingsPatch(choices(), null, null, "m9").embeddingModelId).toBe("m9");
    });

    it("sends the embedding model when the person changed the catalog choice to an installed file", () => {
        const before = choices({ catalogId: "embed-b", quant: "Q8_0" });
        expect(mainSettingsPatch(choices(), before, main({ embeddingModelId: "m1" }), "m9").embeddingModelId).toBe("m9");
    });

    it("never replaces a model picked from the list when only other settings changed", () => {
        expect(mainSettingsPatch(choices(), choices(), main({ embeddingModelId: "imported" }), "m9")).not.toHaveProperty("embeddingModelId");
    });

    it("leaves the embedding model alone when the chosen file is not on this computer", () => {
        const before = choices({ catalogId: "embed-b", quant: "Q8_0" });
        expect(mainSettingsPatch(choices(), before, main({ embeddingModelId: "m1" }), null)).not.toHaveProperty("embeddingModelId");
    });
});
