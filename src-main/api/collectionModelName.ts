import { LIBRARY_MODEL } from "./ApiDeps.js";

/** The library model (and vector store) of one collection: `locus-library:<collection name>`, as clients pick it. */
export function collectionModelName(collectionName: string): string {
    return `${LIBRARY_MODEL}:${collectionName}`;
}
