import iconv from "iconv-lite";
import type { DocumentSource } from "../DocumentSource.js";
import { detectEncoding } from "./detectEncoding.js";

/** A line longer than this is cut, so a file without line breaks cannot build one giant string. */
const maxLineChars = 64 * 1024;

/**
 * The lines of a text file (without their \n, \r\n or \r), decoded as they stream in: memory
 * holds one chunk and one line, whatever the file's size.
 */
export async function* readTextLines(source: DocumentSource): AsyncGenerator<string> {
    const encoding = detectEncoding(source.head);
    const decoder = iconv.getDecoder(encoding === "binary" ? "utf-8" : encoding);
    let pending = "";
    for await (const chunk of source.stream()) {
        pending += decoder.write(chunk);
        // A \r at the end may be the first half of \r\n: keep it until the next chunk.
        const lines = pending.split(/\r\n|\n|\r(?!$)/);
        pending = lines.pop() ?? "";
        yield* lines;
        while (pending.length > maxLineChars) {
            yield pending.slice(0, maxLineChars);
            pending = pending.slice(maxLineChars);
        }
    }
    pending += decoder.end() ?? "";
    yield* pending.split(/\r\n|\n|\r/);
}
