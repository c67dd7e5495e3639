import { describe, expect, it } from "vitest";
import { embeddingHeader } from "../../../src-main/ingest/chunk/embeddingHeader.js";
import { embeddingInput } from "../../../src-main/ingest/chunk/embeddingInput.js";

describe("embeddingHeader", () => {
    it.each([
        [undefined, [], ""],
        ["Handbook", [], "Handbook"],
        ["Handbook", ["Returns", "Damaged items"], "Handbook > Returns > Damaged items"],
        ["Handbook", ["Handbook", "Returns"], "Handbook > Returns"],
        ["  ", ["Returns"], "Returns"],
        [undefined, ["Multi\n line   heading"], "Multi line heading"]
    ] as const)("title %j with headings %j gives %j", (title, headings, expected) => {
        expect(embeddingHeader(title, headings)).toBe(expected);
    });

    it("keeps the innermost headings when the path is very long", () => {
        const header = embeddingHeader("T", Array.from({ length: 60 }, (_, i) => `Level ${i}`));
        expect(header.length).toBeLessThanOrEqual(200);
        expect(header.startsWith("…")).toBe(true);
        expect(header.endsWith("Level 59")).toBe(true);
    });

    it("puts the header before the exact chunk text, and nothing when there is no context", () => {
        expect(embeddingInput({ text: "Body.", headingPath: ["A"] }, "T")).toBe("T > A\n\nBody.");
        expect(embeddingInput({ text: "Body.", headingPath: [] })).toBe("Body.");
    });
});
