import { describe, expect, it } from "vitest";
import { buildGroundedPrompt } from "../../../src-main/answer/buildGroundedPrompt.js";
import { extractCitations } from "../../../src-main/answer/extractCitations.js";
import { focusPassages } from "../../../src-main/answer/focusPassages.js";
import { sourcePlanFor } from "../../../src-main/answer/sourcePlan.js";
import { packSources } from "../../../src-main/answer/packSources.js";
import type { ChunkWithDocument } from "../../../src-main/store/library/types.js";

function chunk(id: number, text: string, extra: Partial<ChunkWithDocument> = {}): ChunkWithDocument {
    return {
        id, documentId: `d${id}`, ordinal: 0, sectionIndex: 0, page: 3, headingPath: ["Returns"], charStart: 10, charEnd: 10 + text.length,
        tokenCount: text.split(" ").length, text, documentName: `doc${id}.pdf`, documentTitle: null, documentFormat: "pdf", ...extra
    };
}
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe("packSources", () => {
    it("keeps the best passages that fit the token budget, numbered in rank order", () => {
        const ranked = [chunk(1, "a ".repeat(40)), chunk(2, "b ".repeat(200)), chunk(3, "c ".repeat(30)), chunk(1, "a ".repeat(40))];
        const packed = packSources(ranked, 100, words);
        expect(packed.map((s) => [s.number, s.chunk.id])).toEqual([[1, 1], [2, 3]]);
    });

    it("packs nothing when the budget is too small for any passage", () => {
        expect(packSources([chunk(1, "x ".repeat(50))], 5, words)).toEqual([]);
    });
});

describe("buildGroundedPrompt", () => {
    it("fences the sources and says where each comes from", () => {
        const prompt = buildGroundedPrompt("When can I return it?", packSources([chunk(1, "Within 30 days.")], 100, words));
        expect(prompt).toContain("[1] (doc1.pdf, page 3, Returns)\nWithin 30 days.");
        expect(prompt).toMatch(/Question: When can I return it\?/);
    });
});

describe("extractCitations", () => {
    const sources = packSources([chunk(11, "Within 30 days."), chunk(12, "Keep the receipt.")], 100, words);

    it("links each real citation to the exact place in its document", () => {
        const { text, citations } = extractCitations("Return within 30 days [1]. Keep the receipt [2][1].", sources);
        expect(text).toBe("Return within 30 days [1]. Keep the receipt [2][1].");
        expect(citations.map((c) => [c.number, c.chunkId, c.documentName, c.page])).toEqual([[1, 11, "doc11.pdf", 3], [2, 12, "doc12.pdf", 3]]);
        expect(citations[0]).toMatchObject({ charStart: 10, charEnd: 25, headingPath: ["Returns"] });
    });

    it("drops citations that point at no source", () => {
        const { text, citations } = extractCitations("It is free [7]. Within 30 days [1, 9].", sources);
        expect(text).toBe("It is free. Within 30 days [1].");
        expect(citations.map((c) => c.number)).toEqual([1]);
    });
});

describe("sources for a small chat model", () => {
    it("plans two focused passages without headers below 500M parameters, whole passages with headers above", () => {
        expect(sourcePlanFor(135e6)).toEqual({ maxSources: 2, sentencesPerSource: 3, headers: false });
        expect(sourcePlanFor(1.2e9)).toMatchObject({ sentencesPerSource: null, headers: true });
        expect(sourcePlanFor(null)).toMatchObject({ maxSources: 12, sentencesPerSource: null });
    });

    it("keeps each passage's sentences closest to the question, in order, and puts the passage with the best sentence first", async () => {
        const fees = chunk(1, "The office opens at nine. Mooring costs 38 marks a night. Pilots are free. The cafe sells tea.");
        const quell = chunk(2, "Port Quell is on the north shore. Port Quell closes on 14 March for dredging. It reopens in April.");
        const focused = await focusPassages("When does Port Quell close?", [fees, quell], 2, null);
        expect(focused.map((f) => f.chunk.id)).toEqual([2, 1]);
        expect(focused[0]!.excerpt).toBe("Port Quell is on the north shore. Port Quell closes on 14 March for dredging.");
    });

    it("shows a focused passage as its excerpt, with no file header, and still cites the whole chunk", () => {
        const packed = packSources([{ chunk: chunk(5, "Long text. The answer is here."), excerpt: "The answer is here." }], 100, words, { headers: false });
        expect(buildGroundedPrompt("Where?", packed, { headers: false })).toBe("Sources:\n[1] The answer is here.\n\nQuestion: Where?");
        expect(packed[0]!.chunk.id).toBe(5);
    });
});
