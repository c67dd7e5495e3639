import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocumentFile } from "../../../src-main/ingest/parse/parseDocumentFile.js";
import { defaultParseLimits, type ParsedDocument } from "../../../src-main/ingest/parse/types.js";
import {
    answerContains,
    documentText,
    fictionalDocuments,
    findDocument,
    passageHoldsFact,
    passagePage,
    personalizeProbes,
    qualityQuestions,
    writeFictionalCorpus,
    type CorpusFile,
    type ExpectedFact
} from "../../support/quality/index.js";
import { makeTempDir } from "../parse/support/tempDir.js";

const allFacts = qualityQuestions.flatMap((question) => question.expected.map((fact) => ({ question, fact })));
const squash = (text: string): string => text.replace(/\s+/g, " ").trim();

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let files: CorpusFile[];
const parsed = new Map<string, ParsedDocument>();

beforeAll(async () => {
    dir = await makeTempDir("quality-corpus");
    files = await writeFictionalCorpus(dir.path);
    for (const file of files) parsed.set(file.fileName, await parseDocumentFile(file.path, defaultParseLimits));
});
afterAll(async () => {
    await dir.remove();
});

describe("the fictional corpus", () => {
    it("is written in all five formats, with a multi-page PDF, and one file per document", () => {
        expect(new Set(files.map((file) => file.format))).toEqual(new Set(["pdf", "docx", "markdown", "html", "text"]));
        expect(files.map((file) => file.fileName)).toEqual(fictionalDocuments.map((document) => document.fileName));
        expect(new Set(files.map((file) => file.fileName)).size).toBe(files.length);
        const pdfPages = [...parsed.values()].filter((document) => document.format === "pdf").map((document) => document.sections.length);
        expect(Math.max(...pdfPages)).toBeGreaterThanOrEqual(3);
    });

    it("writes the same bytes on every run (no clock, no random)", async () => {
        const again = await makeTempDir("quality-corpus-again");
        try {
            const second = await writeFictionalCorpus(again.path);
            for (const [index, file] of files.entries()) {
                expect(Buffer.compare(await readFile(file.path), await readFile(second[index]!.path)), file.fileName).toBe(0);
            }
        } finally {
            await again.remove();
        }
    });

    it("is plain ASCII, so the PDF's standard fonts and every format carry the text unchanged", () => {
        for (const document of fictionalDocuments) expect(documentText(document), document.fileName).toMatch(/^[\x20-\x7e\n]*$/);
    });

    it("reads back through Locus's parser with the headings as sections (DOCX, Markdown, HTML)", () => {
        for (const document of fictionalDocuments.filter((candidate) => ["docx", "markdown", "html"].includes(candidate.format))) {
            const headings = new Set(parsed.get(document.fileName)!.sections.flatMap((section) => section.headingPath));
            for (const section of document.sections) expect(headings, `${document.fileName}: ${section.heading}`).toContain(section.heading);
        }
    });
});

describe("the quality questions", () => {
    it("number 36, 12 per level, with unique ids", () => {
        expect(qualityQuestions.length).toBeGreaterThanOrEqual(36);
        for (const level of ["worded", "paraphrased", "two-facts"] as const) {
            expect(qualityQuestions.filter((question) => question.level === level).length, level).toBeGreaterThanOrEqual(12);
        }
        expect(new Set(qualityQuestions.map((question) => question.id)).size).toBe(qualityQuestions.length);
    });

    it("expect one fact each, or two facts from two distinct passages in different sections for two-facts", () => {
        for (const question of qualityQuestions) {
            expect(question.expected.length, question.id).toBe(question.level === "two-facts" ? 2 : 1);
            if (question.level !== "two-facts") continue;
            const [first, second] = question.expected as [ExpectedFact, ExpectedFact];
            expect(first.passage, question.id).not.toBe(second.passage);
            expect(sectionOf(first) === sectionOf(second) && first.document === second.document, question.id).toBe(false);
        }
    });

    it("cite passages that are whole sentences of their document and hold one of the answers", () => {
        for (const { question, fact } of allFacts) {
            const document = findDocument(fact.document);
            expect(documentText(document), question.id).toContain(fact.passage);
            const paragraph = document.sections.flatMap((section) => section.paragraphs).find((text) => text.includes(fact.passage));
            expect(paragraph, `${question.id}: the passage lies within one paragraph`).toBeDefined();
            // Whole sentences: the chunker cuts at sentence ends, so a chunk never holds half a passage.
            const start = paragraph!.indexOf(fact.passage);
            expect(start === 0 || paragraph!.slice(start - 2, start) === ". ", `${question.id}: starts a sentence`).toBe(true);
            expect(fact.passage, question.id).toMatch(/\.$/);
            expect(answerContains(fact.passage, fact), question.id).toBe(true);
            expect(passageHoldsFact(paragraph!, fact), question.id).toBe(true);
        }
    });

    it("have every passage in the parsed text of its file, PDF passages on the page that the data names", () => {
        for (const { question, fact } of allFacts) {
            const document = parsed.get(fact.document)!;
            const page = passagePage(fact);
            if (findDocument(fact.document).format === "pdf") {
                expect(page, question.id).toBeGreaterThanOrEqual(1);
                const onPage = document.sections.filter((section) => section.page === page).map((section) => squash(section.text));
                expect(onPage.join(" "), `${question.id} on page ${String(page)}`).toContain(squash(fact.passage));
            } else {
                expect(page, question.id).toBeUndefined();
                expect(squash(document.sections.map((section) => section.text).join(" ")), question.id).toContain(squash(fact.passage));
            }
            expect(document.sections.some((section) => passageHoldsFact(section.text, fact)), question.id).toBe(true);
        }
    });

    it("put facts on PDF pages after the first, so page citations are tested", () => {
        const pages = allFacts.map(({ fact }) => passagePage(fact)).filter((page) => page !== undefined);
        expect(pages.some((page) => page >= 2)).toBe(true);
        expect(pages.some((page) => page === 3)).toBe(true);
    });
});

describe("the Personalize probes", () => {
    it("are 10 or more distinct questions whose answers the corpus states", () => {
        expect(personalizeProbes.length).toBeGreaterThanOrEqual(10);
        expect(new Set(personalizeProbes.map((probe) => probe.prompt)).size).toBe(personalizeProbes.length);
        const corpus = fictionalDocuments.map(documentText).join("\n");
        for (const probe of personalizeProbes) {
            const fact = { answers: [probe.answer.replace(/^The /, "").replace(/\.$/, "")], document: "", passage: "" };
            expect(answerContains(corpus, fact), probe.prompt).toBe(true);
        }
    });
});

describe("answerContains", () => {
    const fact = (...answers: string[]): ExpectedFact => ({ answers, document: "x", passage: "x" });

    it("ignores case, punctuation and whitespace", () => {
        expect(answerContains("It was founded by EDDA   THORNQUILL.", fact("Edda Thornquill"))).toBe(true);
        expect(answerContains("the widows veil", fact("the Widow's Veil"))).toBe(true);
        expect(answerContains("Obi Nakamura Fell", fact("Nakamura-Fell"))).toBe(true);
        expect(answerContains("Light for the lost road!", fact("Light for the lost road"))).toBe(true);
    });

    it("tolerates number formatting: thousands separators, ordinals, joined or split codes", () => {
        expect(answerContains("a surplus of 48300 crowns", fact("48,300"))).toBe(true);
        expect(answerContains("a surplus of 48,300 crowns", fact("48300"))).toBe(true);
        expect(answerContains("on March 14th", fact("14 March", "March 14"))).toBe(true);
        expect(answerContains("the 14th of March", fact("14 March"))).toBe(false);
        expect(answerContains("code E314", fact("E-314"))).toBe(true);
        expect(answerContains("call 04551190", fact("0455 1190"))).toBe(true);
        expect(answerContains("It is 14,6 km long.", fact("14.6"))).toBe(true);
    });

    it("matches whole words only, and any one of the acceptable forms", () => {
        expect(answerContains("in 17820", fact("1782"))).toBe(false);
        expect(answerContains("in 2014 March", fact("14 March"))).toBe(false);
        expect(answerContains("3.8 percent", fact("38"))).toBe(false);
        expect(answerContains("seven eggs", fact("7", "seven"))).toBe(true);
        expect(answerContains("", fact("7"))).toBe(false);
        expect(answerContains("anything", fact(""))).toBe(false);
    });
});

describe("passageHoldsFact", () => {
    const fact: ExpectedFact = {
        answers: ["14 March"],
        document: "varrow-harbor-regulations.pdf",
        passage: "Port Quell closes to sailing vessels on 14 March each year for the dredging of its channel."
    };

    it("finds the sentence across a PDF's line breaks and in a longer chunk", () => {
        const chunk = "Port Quell\nPort Quell closes to sailing vessels on 14 March each year for the dredging of its\nchannel. It reopens once";
        expect(passageHoldsFact(chunk, fact)).toBe(true);
    });

    it("does not accept a distractor sentence that merely holds the same answer", () => {
        expect(passageHoldsFact("Drennick Cove closes to sailing vessels on 14 March each year.", fact)).toBe(false);
        expect(passageHoldsFact("Port Quell closes to sailing vessels on 14 March each year", fact)).toBe(false);
    });
});

/** The section of its document that holds a fact's passage. */
function sectionOf(fact: ExpectedFact): string | undefined {
    return findDocument(fact.document).sections.find((section) => section.paragraphs.some((paragraph) => paragraph.includes(fact.passage)))?.heading;
}
