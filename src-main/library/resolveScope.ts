import { NotFoundError } from "@common/errors.js";
import type { LibraryReader } from "../store/library/LibraryReader.js";
import type { SearchScope } from "../store/library/types.js";

/** What a library question may search: chosen collections and/or chosen documents; neither means everything. */
export type LibraryScope = { collectionIds?: readonly string[] | undefined; documentIds?: readonly string[] | undefined };

/**
 * Turns collections into the one filter search understands, a list of document ids (with any documents
 * named directly). A collection that no longer exists is refused by name rather than silently searching
 * less than the person chose.
 */
export function resolveScope(library: Pick<LibraryReader, "getCollection" | "documentIdsInCollections">, scope: LibraryScope = {}): SearchScope {
    const { collectionIds, documentIds } = scope;
    if (collectionIds === undefined && documentIds === undefined) return {};
    for (const id of collectionIds ?? [])
        if (library.getCollection(id) === undefined) throw new NotFoundError("A chosen collection no longer exists; choose the collections to ask again.");
    const ids = new Set([...(collectionIds?.length ? library.documentIdsInCollections(collectionIds) : []), ...(documentIds ?? [])]);
    return { documentIds: [...ids] };
}
