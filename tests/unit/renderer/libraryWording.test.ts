import type { IngestProgress, LibraryDocumentInfo } from "@common/contract";
import { describe, expect, it } from "vitest";
import {
    describeCitation, describeDocumentFacts, describeDocumentStatus, describeIngestPace, describeIngestResult, describePlace,
    formatChunkRate, ingestFraction, isDocumentBusy, passageContext
} from "../../../src-renderer/lib/format/index.js";

const document = (patch: Partial<LibraryDocumentInfo> = {}): LibraryDocumentInfo => ({
    id: "d1", displayName: "report.pdf", format: "pdf", status: "indexed", statusReason: null, pageCount: 12, chunkCount: 48,
    sizeBytes: 1.5 * 1024 ** 2, updatedAt: 0, indexedAt: 0, ...patch
});

const progress = (patch: Partial<IngestProgress> = {}): IngestProgress => ({
    running: true, filesDone: 3, filesTotal: 10, filesFailed: 0, chunksPerSecond: 42.4, secondsLeft: 150, current: "a.pdf",
    blockedReason: null, ...patch
});

describe("library wording", () => {
    it("names each document state in plain words and knows which are still being worked on", () => {
        expect(describeDocumentStatus("queued")).toBe("Waiting");
        expect(describeDocumentStatus("failed")).toBe("Failed");
        expect(["queued", "parsing", "embedding"].every((status) => isDocumentBusy(status as LibraryDocumentInfo["status"]))).toBe(true);
        expect(isDocumentBusy("indexed") || isDocumentBusy("failed")).toBe(false);
    });

    it("says what a document is: format, pages, passages and size", () => {
        expect(describeDocumentFacts(document())).toBe("PDF · 12 pages · 48 passages · 2 MB");
        expect(describeDocumentFacts(document({ format: "markdown", pageCount: null, chunkCount: 1, sizeBytes: 900 }))).toBe(
            "Markdown · 1 passage · 900 bytes"
        );
        // A document not indexed yet has no passages to count.
        expect(describeDocumentFacts(document({ status: "queued", pageCount: null, chunkCount: 0, format: null, sizeBytes: 2048 }))).toBe("2 KB");
        expect(describeDocumentFacts(document({ format: "presentation", pageCount: 9, chunkCount: 11 }))).toBe("Slides · 9 slides · 11 passages · 2 MB");
        expect(describeDocumentFacts(document({ format: "email", pageCount: null, chunkCount: 30 }))).toBe("E-mail · 30 passages · 2 MB");
    });

    it("describes the pace of indexing: passages a second, time left, failures", () => {
        expect(describeIngestPace(progress())).toBe("42 passages a second · about 3 minutes left");
        expect(describeIngestPace(progress({ chunksPerSecond: 2.25, secondsLeft: null, filesFailed: 1 }))).toBe(
            "2.3 passages a second · working out the time left · 1 file could not be read"
        );
        expect(describeIngestPace(progress({ running: false }))).toBe("");
        expect(formatChunkRate(null)).toBe("");
        expect(formatChunkRate(1)).toBe("1 passage a second");
    });

    it("sums up a finished run and its fraction", () => {
        expect(describeIngestResult(progress({ running: false, filesDone: 10, filesFailed: 2 }))).toBe("Indexed 8 of 10 files; 2 failed (see below)");
        expect(ingestFraction(progress())).toBeCloseTo(0.3);
        expect(ingestFraction(progress({ filesTotal: 0, filesDone: 0 }))).toBeNull();
    });

    it("places a passage by page and heading path, and names a citation for screen readers", () => {
        expect(describePlace({ page: 3, headingPath: ["Methods", "Sampling"] })).toBe("page 3 · Methods › Sampling");
        expect(describePlace({ page: null, headingPath: [] })).toBe("");
        const citation = { number: 1, chunkId: 7, documentId: "d1", documentName: "notes.md", page: null, headingPath: ["Intro"], charStart: 0, charEnd: 10 };
        expect(describeCitation(citation)).toBe("notes.md, Intro");
        expect(describeCitation({ ...citation, headingPath: [] })).toBe("notes.md");
    });

    it("marks context cut mid-sentence with an ellipsis, and whole sentences without one", () => {
        expect(passageContext({ before: "ges the water. ", after: " and then the" })).toEqual({ before: "…ges the water. ", after: " and then the…" });
        expect(passageContext({ before: "The harbour was dredged.\n\n", after: "\n\nIt clears in summer." })).toEqual({
            before: "The harbour was dredged.\n\n", after: "\n\nIt clears in summer."
        });
        expect(passageContext({ before: "", after: "" })).toEqual({ before: "", after: "" });
    });
});
