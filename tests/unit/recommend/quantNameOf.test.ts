import { GgufFileType } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { quantNameOf } from "../../../src-main/recommend/fit/quantNameOf.js";

describe("quantNameOf", () => {
    it("names a header's file type the way people write quantizations", () => {
        expect(quantNameOf(GgufFileType.MOSTLY_Q4_K_M)).toBe("Q4_K_M");
        expect(quantNameOf(GgufFileType.MOSTLY_Q8_0)).toBe("Q8_0");
        expect(quantNameOf(GgufFileType.MOSTLY_F16)).toBe("F16");
        expect(quantNameOf(GgufFileType.ALL_F32)).toBe("F32");
    });

    it("says unknown when the header has no file type or one this node-llama-cpp does not know", () => {
        expect(quantNameOf(undefined)).toBe("unknown");
        expect(quantNameOf(9999)).toBe("unknown");
    });
});
