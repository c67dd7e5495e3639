import { describe, expect, it } from "vitest";
import { buildProbeSet, type ProbeDocument } from "../../../src-main/advisor/probes/buildProbeSet.js";
import { acceptModelQuestion } from "../../../src-main/advisor/probes/acceptModelQuestion.js";
import { findSalientSpans } from "../../../src-main/advisor/probes/findSalientSpans.js";
import { templateQuestion } from "../../../src-main/advisor/probes/templateQuestion.js";
import { LibraryTooSmallError } from "../../../src-main/advisor/errors/LibraryTooSmallError.js";
import { fictionalDocuments } from "../../support/quality/index.js";

let nextId = 1;
const library: ProbeDocument[] = fictionalDocuments.map((document) => ({
    id: document.fileName,
    chunks: document.sections.map((section) => ({ id: nextId++, documentId: document.fileName, text: section.paragraphs.join("\n\n") }))
}));
const chunkText = new Map(library.flatMap((d) => d.chunks.map((c) => [c.id, c.text] as const)));

describe("findSalientSpans", () => {
    it("finds dates, figures (with percent) and names, earliest first, without overlaps", () => {
        const spans = findSalientSpans("On 14 March 2023 Captain Ysolde Marrack paid 48,300 crowns, 3.8 percent of it to Brisk Hollow.");
        expect(spans.map((s) => [s.kind, s.text])).toEqual([
            ["date", "14 March 2023"], ["name", "Captain Ysolde Marrack"], ["number", "48,300"], ["number", "3.8 percent"], ["name", "Brisk Hollow"]
        ]);
    });

    it("finds a rare lowercase term only when the library says it is rare", () => {
        expect(findSalientSpans("The lamp is calibrated against a cerulite disk.", (w) => w === "cerulite").map((s) => s.text)).toEqual(["cerulite"]);
        expect(findSalientSpans("The lamp is calibrated against a cerulite disk.")).toEqual([]);
    });
});

describe("buildProbeSet", () => {
    it("builds easy, medium and hard probes whose answers are in their source passages, spread over the documents", async () => {
        const set = await buildProbeSet(library, { seed: 1, perLevel: 12 });
        const levels = (level: string) => set.probes.filter((p) => p.level === level);
        expect(levels("easy")).toHaveLength(12);
        expect(levels("medium")).toHaveLength(12);
        expect(levels("hard").length).toBeGreaterThanOrEqual(6);
        for (const probe of set.probes) {
            // Every span is in the passage it is said to come from, and the question does not give it away.
            probe.spans.forEach((span, i) => expect(chunkText.get(probe.sources[i]!.chunkId)).toContain(span));
            for (const span of probe.spans) expect(probe.question.replace("_____", "")).not.toContain(span);
        }
        for (const probe of levels("easy")) expect(probe.question).toMatch(/^Fill in the blank: ".*_____.*"$/);
        for (const probe of levels("medium")) expect(probe.question).toMatch(/\?$/);
        for (const probe of levels("hard")) expect(new Set(probe.sources.map((s) => s.chunkId)).size).toBe(2);
        expect(new Set(levels("easy").map((p) => p.sources[0]!.documentId)).size).toBeGreaterThanOrEqual(6);
    });

    it("keeps the documents learning runs validate on apart from those the probes ask about", async () => {
        const set = await buildProbeSet(library, { seed: 1, perLevel: 12 });
        expect(set.validationDocumentIds.length).toBeGreaterThanOrEqual(1);
        const asked = new Set(set.probes.flatMap((p) => p.sources.map((s) => s.documentId)));
        for (const id of set.validationDocumentIds) expect(asked.has(id)).toBe(false);
        expect(set.probeDocumentIds.length + set.validationDocumentIds.length).toBe(library.length);
    });

    it("is the same for the same seed, whatever the input order", async () => {
        const a = await buildProbeSet(library, { seed: 7, perLevel: 6 });
        const b = await buildProbeSet([...library].reverse(), { seed: 7, perLevel: 6 });
        expect(b.probes.map((p) => p.question)).toEqual(a.probes.map((p) => p.question));
    });

    it("uses a question the chat model wrote when it passes the checks, else the template", async () => {
        const set = await buildProbeSet(library, {
            seed: 1, perLevel: 4,
            writeQuestion: async (fact) => (fact.span.kind === "number" ? `What figure does the text give in: ${fact.sentence.split(" ").slice(0, 6).join(" ")}?` : fact.sentence)
        });
        const medium = set.probes.filter((p) => p.level === "medium");
        expect(medium.some((p) => p.writtenBy === "template")).toBe(true);
        for (const probe of medium.filter((p) => p.writtenBy === "model")) expect(probe.question).toMatch(/^What figure does the text give in/);
    });

    it("refuses a library of too few documents, saying how many it needs", async () => {
        await expect(buildProbeSet(library.slice(0, 2), { seed: 1, perLevel: 12 })).rejects.toThrow(LibraryTooSmallError);
        await expect(buildProbeSet(library.slice(0, 2), { seed: 1, perLevel: 12 })).rejects.toThrow(/needs at least 3 indexed documents.*has 2/);
        const bare = [1, 2, 3].map((i) => ({ id: `d${String(i)}`, chunks: [{ id: i, documentId: `d${String(i)}`, text: "nothing to ask about here at all." }] }));
        await expect(buildProbeSet(bare, { seed: 1, perLevel: 12 })).rejects.toThrow(/found only 0 facts/);
    });
});

describe("question wording", () => {
    const fact = (sentence: string, span: string) => {
        const start = sentence.indexOf(span);
        return { sentence, span: { text: span, start, end: start + span.length, kind: /\d/.test(span) ? (/March/.test(span) ? "date" : "number") : "name" } as const, documentId: "d", chunkId: 1 };
    };

    it("turns a sentence into a question by its span's kind", () => {
        expect(templateQuestion(fact("Port Quell closes on 14 March each year.", "14 March"))).toBe("Port Quell closes on what date each year?");
        expect(templateQuestion(fact("Each player starts with 17 marble tokens.", "17"))).toBe("Each player starts with how many marble tokens?");
        expect(templateQuestion(fact("The harbor master of Drennick Cove is Ondine Pallow.", "Ondine Pallow"))).toBe("The harbor master of Drennick Cove is who?");
    });

    it("refuses a model's question that gives the answer away, is not a question, or is about something else", () => {
        const f = fact("The harbor master of Drennick Cove is Ondine Pallow.", "Ondine Pallow");
        expect(acceptModelQuestion("Who serves as harbor master at Drennick Cove?", f)).toBe(true);
        expect(acceptModelQuestion("Is Ondine Pallow the harbor master of Drennick Cove?", f)).toBe(false);
        expect(acceptModelQuestion("Who is the harbor master.", f)).toBe(false);
        expect(acceptModelQuestion("What is the weather like in the mountains today?", f)).toBe(false);
    });
});
