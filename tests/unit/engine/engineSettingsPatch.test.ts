import { describe, expect, it } from "vitest";
import { engineSettingsPatch } from "../../../src-main/engine/engineSettingsPatch.js";

describe("engineSettingsPatch", () => {
    it("asks nothing of the engine when another setting changed, so a host's --threads or --context stays", () => {
        expect(engineSettingsPatch({ contextSize: 4096, threads: null }, { contextSize: 4096, threads: null })).toBeNull();
    });
    it("passes on only what changed", () => {
        expect(engineSettingsPatch({ contextSize: 4096, threads: null }, { contextSize: 8192, threads: null })).toEqual({ contextSize: 8192 });
        expect(engineSettingsPatch({ contextSize: 4096, threads: null }, { contextSize: 4096, threads: 2 })).toEqual({ threads: 2 });
        expect(engineSettingsPatch({ contextSize: 4096, threads: 2 }, { contextSize: 2048, threads: null })).toEqual({ contextSize: 2048, threads: null });
    });
});
