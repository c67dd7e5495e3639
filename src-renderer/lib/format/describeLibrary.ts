import type { Citation, IngestProgress, LibraryDocumentInfo, SourcePassage } from "@common/contract";
import { formatBytes } from "./formatBytes.js";
import { formatTimeLeft } from "./formatDuration.js";

type DocumentStatus = LibraryDocumentInfo["status"];

const statusLabels: Readonly<Record<DocumentStatus, string>> = {
    queued: "Waiting",
    parsing: "Reading",
    embedding: "Indexing",
    indexed: "Indexed",
    failed: "Failed"
};

/** The badge's word for a document's state, in plain language. */
export function describeDocumentStatus(status: DocumentStatus): string {
    return statusLabels[status];
}

/** Whether Locus is still working on the document (so re-indexing it now makes no sense). */
export function isDocumentBusy(status: DocumentStatus): boolean {
    return status === "queued" || status === "parsing" || status === "embedding";
}

function count(value: number, one: string, many: string): string {
    return `${value.toLocaleString("en-US")} ${value === 1 ? one : many}`;
}

const formatNames: Readonly<Record<string, string>> = {
    pdf: "PDF", docx: "Word", html: "Web page", markdown: "Markdown", text: "Text", table: "Table", presentation: "Slides",
    epub: "E-book", odt: "OpenDocument", rtf: "RTF", email: "E-mail", image: "Image"
};

/**
 * "PDF · 12 pages · 48 passages · 1.2 MB": what a document is and how much of it was indexed; a mailbox
 * says how many messages it holds, a message who sent it and when ("From Ada · 2024-03-01 09:30 UTC · 2 passages").
 */
export function describeDocumentFacts(document: LibraryDocumentInfo): string {
    const messageCount = document.messageCount ?? 0;
    const facts: string[] = [];
    if (document.parentId != null) {
        facts.push(`From ${document.sender ?? "an unknown sender"}`);
        if (document.sentAt != null) facts.push(document.sentAt);
        facts.push(count(document.chunkCount, "passage", "passages"));
        return facts.join(" · ");
    }
    if (document.format) facts.push(formatNames[document.format] ?? document.format.toUpperCase());
    if (messageCount > 0) facts.push(count(messageCount, "message", "messages"));
    if (document.pageCount !== null) {
        facts.push(document.format === "presentation" ? count(document.pageCount, "slide", "slides") : count(document.pageCount, "page", "pages"));
    }
    if (document.status === "indexed" || document.chunkCount > 0) facts.push(count(document.chunkCount, "passage", "passages"));
    facts.push(formatBytes(document.sizeBytes));
    return facts.join(" · ");
}

/** "42 passages a second"; empty while the rate is not known yet. */
export function formatChunkRate(chunksPerSecond: number | null): string {
    if (chunksPerSecond === null || !Number.isFinite(chunksPerSecond) || chunksPerSecond < 0) return "";
    const rounded = chunksPerSecond >= 10 ? Math.round(chunksPerSecond) : Math.round(chunksPerSecond * 10) / 10;
    return `${rounded.toLocaleString("en-US")} passage${rounded === 1 ? "" : "s"} a second`;
}

/** "3 of 10 files": how far the queue is. */
export function describeFilesDone(progress: IngestProgress): string {
    return `${progress.filesDone.toLocaleString("en-US")} of ${count(progress.filesTotal, "file", "files")}`;
}

/** The line under the progress bar: speed and time left while indexing. */
export function describeIngestPace(progress: IngestProgress): string {
    if (!progress.running) return "";
    const parts = [formatChunkRate(progress.chunksPerSecond), formatTimeLeft(progress.secondsLeft)];
    if (progress.filesFailed > 0) parts.push(`${count(progress.filesFailed, "file", "files")} could not be read`);
    return parts.filter(Boolean).join(" · ");
}

/** After a run: how it ended. */
export function describeIngestResult(progress: IngestProgress): string {
    const indexed = progress.filesDone - progress.filesFailed;
    const base = `Indexed ${indexed.toLocaleString("en-US")} of ${count(progress.filesTotal, "file", "files")}`;
    return progress.filesFailed > 0 ? `${base}; ${progress.filesFailed.toLocaleString("en-US")} failed (see below)` : base;
}

/** 0..1 of the files done, or null with nothing to do. */
export function ingestFraction(progress: IngestProgress): number | null {
    if (progress.filesTotal <= 0) return null;
    return Math.min(1, Math.max(0, progress.filesDone / progress.filesTotal));
}

/** "page 3 · Methods › Sampling": where in its document a passage is; empty when nothing is known. */
export function describePlace(place: { page: number | null; headingPath: readonly string[] }): string {
    const parts: string[] = [];
    if (place.page !== null) parts.push(`page ${place.page}`);
    if (place.headingPath.length > 0) parts.push(place.headingPath.join(" › "));
    return parts.join(" · ");
}

/** "report.pdf, page 3 · Methods": a citation named for a tooltip or a screen reader. */
export function describeCitation(citation: Citation | SourcePassage): string {
    const place = describePlace(citation);
    return place ? `${citation.documentName}, ${place}` : citation.documentName;
}

/**
 * The text around a cited passage as the source view shows it: an ellipsis marks context that was cut
 * mid-sentence; text that starts or ends a sentence (or a heading, a list item) needs none.
 */
export function passageContext(passage: Pick<SourcePassage, "before" | "after">): { before: string; after: string } {
    const cutBefore = passage.before !== "" && !/^\s*[\p{Lu}\p{N}"“'(#*-]/u.test(passage.before);
    const cutAfter = passage.after !== "" && !/[.!?:;"”')\]]\s*$/u.test(passage.after);
    return { before: `${cutBefore ? "…" : ""}${passage.before}`, after: `${passage.after}${cutAfter ? "…" : ""}` };
}

/**
 * A long read under way: "Reading scan.pdf by text recognition: page 3 of 20", or "Reading inbox.mbox:
 * message 120 of 4,000"; "" when none.
 */
export function describeScanProgress(progress: IngestProgress): string {
    const reading = progress.reading;
    if (!progress.running || reading == null) return "";
    const at = `${Math.min(reading.pagesDone + 1, reading.pagesTotal).toLocaleString("en-US")} of ${reading.pagesTotal.toLocaleString("en-US")}`;
    return reading.unit === "message" ? `Reading ${reading.name}: message ${at}` : `Reading ${reading.name} by text recognition: page ${at}`;
}

/** The document being embedded, on its own: "120 of 900 chunks embedded (30 reused) · about 2 min left"; "" when none. */
export function describeDocumentProgress(progress: IngestProgress): string {
    const document = progress.document;
    if (!progress.running || document == null || document.chunksTotal === 0) return "";
    const reused = document.chunksReused > 0 ? ` (${document.chunksReused.toLocaleString("en-US")} reused)` : "";
    const parts = [`${document.chunksDone.toLocaleString("en-US")} of ${count(document.chunksTotal, "chunk", "chunks")} embedded${reused}`];
    const left = formatTimeLeft(document.secondsLeft);
    if (left) parts.push(left);
    return parts.join(" · ");
}
