import type { IngestProgress } from "@common/contract";
import { describe, expect, it } from "vitest";
import { describeDocumentProgress, describeScanProgress } from "../../../src-renderer/lib/format/index.js";

const progress = (patch: Partial<IngestProgress> = {}): IngestProgress => ({
    running: true, filesDone: 3, filesTotal: 10, filesFailed: 0, chunksPerSecond: 42.4, secondsLeft: 150, current: "big.pdf",
    blockedReason: null, ...patch
});

describe("a large document's own progress", () => {
    it("says how many of its chunks are embedded, how many reused, and the time left for it; nothing when idle", () => {
        const text = describeDocumentProgress(progress({
            document: { name: "big.pdf", chunksDone: 1200, chunksTotal: 9000, chunksReused: 30, secondsLeft: 130 }
        }));
        expect(text).toMatch(/^1,200 of 9,000 chunks embedded \(30 reused\) · /);
        expect(text).toMatch(/left/);
        expect(describeDocumentProgress(progress({ document: null }))).toBe("");
        expect(describeDocumentProgress(progress({ running: false, document: { name: "a", chunksDone: 1, chunksTotal: 2, chunksReused: 0, secondsLeft: 1 } }))).toBe("");
    });

    it("a long read says what it reads: a scan page by page, a mailbox message by message; nothing when idle", () => {
        expect(describeScanProgress(progress({ reading: { name: "scan.pdf", pagesDone: 2, pagesTotal: 20, unit: "page" } }))).toBe("Reading scan.pdf by text recognition: page 3 of 20");
        expect(describeScanProgress(progress({ reading: { name: "inbox.mbox", pagesDone: 1000, pagesTotal: 4000, unit: "message" } }))).toBe("Reading inbox.mbox: message 1,001 of 4,000");
        expect(describeScanProgress(progress({ running: false, reading: { name: "scan.pdf", pagesDone: 2, pagesTotal: 20 } }))).toBe("");
    });
});
