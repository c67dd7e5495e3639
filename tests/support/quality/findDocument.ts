import { fictionalDocuments } from "./fictionalDocuments.js";
import type { CorpusDocument } from "./types.js";

/** The corpus document written as `fileName`; throws for a name the corpus does not have. */
export function findDocument(fileName: string): CorpusDocument {
    const document = fictionalDocuments.find((candidate) => candidate.fileName === fileName);
    if (document === undefined) throw new Error(`The fictional corpus has no document "${fileName}"`);
    return document;
}
