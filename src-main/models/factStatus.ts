import type { CatalogEntry } from "./catalogSchema.js";

export type FactStatus =
    | { status: "verified"; source: string }
    | { status: "unverified"; note: string | null }
    | { status: "unrecorded" };

/**
 * Whether a catalog fact (e.g. "quants.Q8_0.sha256") was confirmed. Keys may name a whole group
 * ("architecture"); the most specific key that covers the fact wins, so a group can be verified
 * while one of its members is not.
 */
export function factStatus(entry: CatalogEntry, fact: string): FactStatus {
    const candidates: Array<{ key: string; status: FactStatus }> = [];
    for (const [key, source] of Object.entries(entry.verified)) candidates.push({ key, status: { status: "verified", source } });
    for (const item of entry.unverified) {
        // "quants.F16.sizeBytes (approximate: 2.48 GB)" -> key plus note
        const match = /^([^\s(]+)\s*(?:\((.*)\))?$/.exec(item.trim());
        if (match?.[1] !== undefined) candidates.push({ key: match[1], status: { status: "unverified", note: match[2] ?? null } });
    }
    let best: { depth: number; status: FactStatus } = { depth: 0, status: { status: "unrecorded" } };
    for (const { key, status } of candidates) {
        if (fact !== key && !fact.startsWith(`${key}.`)) continue;
        const depth = key.split(".").length;
        if (depth > best.depth) best = { depth, status };
    }
    return best.status;
}
