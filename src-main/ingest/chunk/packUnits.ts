import type { CountedUnit } from "./types.js";

/** A chunk as a run of units: `units[first..end)`, with its measured token count. */
export type PackedSpan = { first: number; end: number; tokens: number };

/** Below this share of the budget, a chunk is not closed early just to end at a paragraph. */
const minParagraphFill = 0.5;

/**
 * Packs units (each within `budget`) greedily into chunks of at most `budget` tokens. A chunk that must
 * close prefers to end at a paragraph when that keeps it at least half full, else at a sentence. Each
 * chunk after the first repeats the trailing units of the previous one up to `overlap` tokens.
 * Token counts are summed per unit, then the chunk's text is measured once; when tokenization across a
 * boundary makes the whole bigger than its parts, the chunk gives back its last unit.
 */
export function packUnits(
    units: readonly CountedUnit[], budget: number, overlap: number, measure: (first: number, end: number) => number
): PackedSpan[] {
    const spans: PackedSpan[] = [];
    let first = 0;
    let next = 0; // first unit not yet in any chunk
    while (next < units.length) {
        let tokens = sumTokens(units, first, next);
        let end = next;
        do tokens += units[end++]!.tokens;
        while (end < units.length && tokens + units[end]!.tokens <= budget);
        if (end < units.length) end = preferParagraphEnd(units, first, next, end, budget);

        let measured = measure(first, end);
        while (measured > budget && end - 1 > next) measured = measure(first, --end);
        if (measured > budget && first < next) {
            first = next; // the overlap pushed a single unit over: drop the overlap instead
            continue;
        }
        spans.push({ first, end, tokens: measured });
        next = end;
        first = overlapStart(units, first, end, overlap, budget);
    }
    return spans;
}

function sumTokens(units: readonly CountedUnit[], first: number, end: number): number {
    let tokens = 0;
    for (let i = first; i < end; i++) tokens += units[i]!.tokens;
    return tokens;
}

/** The latest paragraph end in (next, end] that leaves the chunk at least half full, else `end`. */
function preferParagraphEnd(units: readonly CountedUnit[], first: number, next: number, end: number, budget: number): number {
    for (let candidate = end; candidate > next; candidate--) {
        if (!units[candidate - 1]!.paragraphEnd) continue;
        if (sumTokens(units, first, candidate) >= budget * minParagraphFill) return candidate;
        break;
    }
    return end;
}

/** Where the next chunk starts: trailing units of this one worth at most `overlap` tokens, never all of it. */
function overlapStart(units: readonly CountedUnit[], first: number, end: number, overlap: number, budget: number): number {
    const nextTokens = units[end]?.tokens ?? 0;
    let start = end;
    let tokens = 0;
    while (start - 1 > first) {
        const candidate = units[start - 1]!.tokens;
        if (tokens + candidate > overlap || tokens + candidate + nextTokens > budget) break;
        tokens += candidate;
        start--;
    }
    return start;
}
