import { describe, expect, it } from "vitest";
import { splitThreads } from "../../../src-main/personalize/splitThreads.js";

describe("splitThreads", () => {
    it("gives the trainer all threads but one and never more than the cores in total", () => {
        expect(splitThreads(2)).toEqual({ trainer: 1, engine: 1 });
        expect(splitThreads(8)).toEqual({ trainer: 7, engine: 1 });
        for (const cores of [2, 3, 4, 16]) {
            const split = splitThreads(cores);
            expect(split.trainer + split.engine).toBe(cores);
        }
    });

    it("shares the only thread there is rather than giving either side none", () => {
        expect(splitThreads(1)).toEqual({ trainer: 1, engine: 1 });
        expect(splitThreads(0)).toEqual({ trainer: 1, engine: 1 });
    });
});
