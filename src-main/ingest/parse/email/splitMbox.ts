/**
 * The messages of an mbox file: each starts at a "From " line at the start of the file or after a
 * line break (the separator line itself dropped). Works on bytes, so every message keeps its own
 * charset for the MIME reader.
 */
export function* splitMbox(bytes: Buffer): Generator<Buffer> {
    let start = startsAt(bytes, 0) ? 0 : -1;
    let search = 0;
    for (;;) {
        const next = bytes.indexOf("\nFrom ", search);
        if (next === -1) break;
        if (start !== -1) yield messageBody(bytes, start, next + 1);
        start = next + 1;
        search = next + 1;
    }
    if (start !== -1) yield messageBody(bytes, start, bytes.length);
}

/** How many messages `splitMbox` will yield, counted without splitting (for progress). */
export function countMboxMessages(bytes: Buffer): number {
    let count = startsAt(bytes, 0) ? 1 : 0;
    for (let at = bytes.indexOf("\nFrom "); at !== -1; at = bytes.indexOf("\nFrom ", at + 1)) count++;
    return count;
}

function startsAt(bytes: Buffer, offset: number): boolean {
    return bytes.subarray(offset, offset + 5).toString("latin1") === "From ";
}

/** The message between two separators, without its "From " line. */
function messageBody(bytes: Buffer, start: number, end: number): Buffer {
    const lineEnd = bytes.indexOf("\n", start);
    return bytes.subarray(lineEnd === -1 || lineEnd > end ? end : lineEnd + 1, end);
}
