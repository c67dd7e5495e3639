import { embeddingHeader } from "./embeddingHeader.js";

/**
 * The text to embed for a chunk: its context header, a blank line, then its exact text. Stored text
 * stays exact (for citations and highlighting); only the vector sees the header.
 */
export function embeddingInput(chunk: { text: string; headingPath: readonly string[] }, title?: string): string {
    const header = embeddingHeader(title, chunk.headingPath);
    return header === "" ? chunk.text : `${header}\n\n${chunk.text}`;
}
