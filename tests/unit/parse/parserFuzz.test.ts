import { describe, expect, it } from "vitest";
import { fuzzParser } from "../../fuzz/fuzzParser.js";

// A short run of the parser half of `npm run fuzz` (1000 mutated documents by default, or --documents N).
describe("the parser worker under mutated documents", () => {
    it("parses or refuses with a reason every damaged PDF, DOCX, Markdown, HTML, CSV and text file, and never takes this process down", async () => {
        const summary = await fuzzParser({ documents: 120, seed: 20261202 });
        expect(summary.failures).toEqual([]);
        expect(summary.documents).toBe(120);
        expect(summary.parsed + summary.refused + summary.workerRestarts).toBe(120);
        expect(Object.keys(summary.byFormat).sort()).toEqual(["csv", "docx", "html", "md", "pdf", "txt"]);
        // Damage is real: some files are refused, and some still parse.
        expect(summary.refused).toBeGreaterThan(10);
        expect(summary.parsed).toBeGreaterThan(10);
    }, 180_000);
});
