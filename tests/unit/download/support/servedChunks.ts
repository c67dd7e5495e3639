import type { ServedRequest } from "../../../support/fakeHub/fakeHubTypes.js";

/**
 * ipull's default chunk size. The downloader records its progress in whole chunks, so a resume keeps
 * every chunk that arrived complete and fetches an unfinished one again from its start.
 */
export const downloaderChunkBytes = 5 * 1024 * 1024;

type Span = { start: number; end: number };

const sentSpan = (request: ServedRequest): Span | null =>
    request.range == null ? null : { start: request.range.start, end: request.range.start + request.bytesSent };

/** The downloader's chunks that some request delivered whole. */
export function wholeChunks(requests: ServedRequest[], size: number): Span[] {
    const chunks: Span[] = [];
    for (let start = 0; start < size; start += downloaderChunkBytes) {
        const chunk = { start, end: Math.min(size, start + downloaderChunkBytes) };
        const delivered = requests.some((request) => {
            const span = sentSpan(request);
            return span != null && span.start <= chunk.start && span.end >= chunk.end;
        });
        if (delivered) chunks.push(chunk);
    }
    return chunks;
}

/** Bytes the requests were sent again from inside the given spans. */
export function bytesSentAgain(requests: ServedRequest[], spans: Span[]): number {
    let total = 0;
    for (const request of requests) {
        const span = sentSpan(request);
        if (span == null) continue;
        for (const chunk of spans) total += Math.max(0, Math.min(span.end, chunk.end) - Math.max(span.start, chunk.start));
    }
    return total;
}

export const spanBytes = (spans: Span[]) => spans.reduce((sum, span) => sum + span.end - span.start, 0);
