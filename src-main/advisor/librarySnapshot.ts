import type { LibraryDocument } from "../store/library/types.js";

/** Share of documents added, removed or changed beyond which a run's figures are marked stale. */
export const staleShare = 0.2;

/** The library as measured: each indexed document by id and content hash (short), sorted. */
export function librarySnapshot(documents: readonly Pick<LibraryDocument, "id" | "contentHash">[]): string[] {
    return documents.map((document) => `${document.id}:${(document.contentHash ?? "").slice(0, 12)}`).sort();
}

/** Whether the library changed a lot since a run: more than a fifth of its documents added, removed or changed. */
export function isStale(then: readonly string[], now: readonly string[]): boolean {
    const byId = (entries: readonly string[]) => new Map(entries.map((entry) => [entry.slice(0, entry.lastIndexOf(":")), entry]));
    const before = byId(then);
    const after = byId(now);
    let changed = 0;
    for (const [id, entry] of before) if (after.get(id) !== entry) changed++;
    for (const id of after.keys()) if (!before.has(id)) changed++;
    return changed > staleShare * Math.max(before.size, 1);
}
