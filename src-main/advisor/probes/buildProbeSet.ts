import { hashString, seededRandom } from "../../trainer/data/seededRandom.js";
import { LibraryTooSmallError } from "../errors/LibraryTooSmallError.js";
import type { Probe } from "../types.js";
import { acceptModelQuestion } from "./acceptModelQuestion.js";
import { clozeQuestion } from "./clozeQuestion.js";
import { findProbeFacts, type ProbeChunk } from "./findProbeFacts.js";
import type { ProbeFact } from "./ProbeFact.js";
import { templateQuestion } from "./templateQuestion.js";

export type ProbeDocument = { id: string; chunks: ProbeChunk[] };

export type ProbeSetOptions = {
    seed: number;
    /** Probes per level at most. */
    perLevel: number;
    /** Fewer facts than this, and the library is too small to decide anything. Default 4. */
    minFacts?: number;
    /** The chat model writing the medium question for a fact (null when it cannot); a template otherwise. */
    writeQuestion?: (fact: ProbeFact) => Promise<string | null>;
};

export type ProbeSet = {
    probes: Probe[];
    /** Documents the probes come from. */
    probeDocumentIds: string[];
    /** Documents learning runs validate on (checkpoint selection): never a probe document. */
    validationDocumentIds: string[];
};

export const minDocuments = 3;

/**
 * The Advisor's evaluation set, built from the library without labels: documents are split (by seed) into
 * a few held out for the learning runs' validation and the rest, which the probes come from, so nothing
 * is scored on the documents that chose its own checkpoint. From the facts found there, spread over the
 * documents: easy probes (the sentence as worded, its span blanked), medium ones (the same fact asked in
 * other words) and hard ones (two facts from two passages in one question).
 */
export async function buildProbeSet(documents: readonly ProbeDocument[], options: ProbeSetOptions): Promise<ProbeSet> {
    const withText = documents.filter((document) => document.chunks.some((chunk) => chunk.text.trim() !== ""));
    const minFacts = options.minFacts ?? 4;
    if (withText.length < minDocuments)
        throw new LibraryTooSmallError({ documents: withText.length, facts: 0, neededDocuments: minDocuments, neededFacts: minFacts });

    const ordered = [...withText].sort((a, b) => hashString(a.id, options.seed) - hashString(b.id, options.seed) || (a.id < b.id ? -1 : 1));
    const size = (document: ProbeDocument) => document.chunks.reduce((sum, chunk) => sum + chunk.text.length, 0);
    const total = ordered.reduce((sum, document) => sum + size(document), 0);
    const validation: ProbeDocument[] = [];
    for (const document of [...ordered].reverse()) {
        if (validation.length > 0 && validation.reduce((sum, d) => sum + size(d), 0) >= 0.1 * total) break;
        if (validation.length >= ordered.length - 2) break;
        validation.push(document);
    }
    const probeDocuments = ordered.filter((document) => !validation.includes(document));

    const isRare = rareWords(withText);
    const random = seededRandom(options.seed);
    const perDocument = probeDocuments.map((document) => shuffle(findProbeFacts(document.chunks, isRare), random));
    // Round robin over the documents, so every document is asked about.
    const facts: ProbeFact[] = [];
    for (let round = 0; facts.length < options.perLevel && perDocument.some((list) => list.length > round); round++)
        for (const list of perDocument) if (list[round] != null && facts.length < options.perLevel) facts.push(list[round]!);
    if (facts.length < minFacts)
        throw new LibraryTooSmallError({ documents: withText.length, facts: facts.length, neededDocuments: minDocuments, neededFacts: minFacts });

    const probes: Probe[] = [];
    facts.forEach((fact, i) => probes.push(probeOf(`easy-${String(i + 1)}`, "easy", clozeQuestion(fact), [fact])));
    for (const [i, fact] of facts.entries()) {
        const written = await options.writeQuestion?.(fact).catch(() => null);
        const byModel = written != null && acceptModelQuestion(written, fact);
        probes.push({ ...probeOf(`medium-${String(i + 1)}`, "medium", byModel ? written.trim() : templateQuestion(fact), [fact]), writtenBy: byModel ? "model" : "template" });
    }
    for (const [i, [first, second]] of pairFacts(facts).slice(0, options.perLevel).entries())
        probes.push(probeOf(`hard-${String(i + 1)}`, "hard", `Answer both questions. 1) ${templateQuestion(first)} 2) ${templateQuestion(second)}`, [first, second]));
    return { probes, probeDocumentIds: probeDocuments.map((d) => d.id), validationDocumentIds: validation.map((d) => d.id) };
}

function probeOf(id: string, level: Probe["level"], question: string, facts: readonly ProbeFact[]): Probe {
    const spans = facts.map((fact) => fact.span.text);
    return {
        id, level, question, spans, answer: spans.length === 1 ? spans[0]! : spans.map((span, i) => `${String(i + 1)}) ${span}`).join(" "),
        sources: facts.map((fact) => ({ documentId: fact.documentId, chunkId: fact.chunkId }))
    };
}

/** Consecutive facts from different passages, each fact used at most once in a pair. */
function pairFacts(facts: readonly ProbeFact[]): [ProbeFact, ProbeFact][] {
    const pairs: [ProbeFact, ProbeFact][] = [];
    const left = [...facts];
    while (left.length >= 2) {
        const first = left.shift()!;
        const index = left.findIndex((fact) => fact.chunkId !== first.chunkId);
        if (index < 0) break;
        pairs.push([first, left.splice(index, 1)[0]!]);
    }
    // With few facts, reuse them in other pairings so the hard level is not empty.
    for (let i = 0; pairs.length < Math.floor(facts.length / 2) + 1 && i + 2 < facts.length; i++)
        if (facts[i]!.chunkId !== facts[i + 2]!.chunkId) pairs.push([facts[i]!, facts[i + 2]!]);
    return pairs;
}

/** Lowercase words found in one document only, at most twice: terms particular to it. */
function rareWords(documents: readonly ProbeDocument[]): (word: string) => boolean {
    const count = new Map<string, { documents: number; total: number; last: string }>();
    for (const document of documents)
        for (const chunk of document.chunks)
            for (const match of chunk.text.toLowerCase().matchAll(/[\p{L}][\p{L}'’-]{6,}/gu)) {
                const entry = count.get(match[0]) ?? { documents: 0, total: 0, last: "" };
                if (entry.last !== document.id) entry.documents++;
                entry.total++;
                entry.last = document.id;
                count.set(match[0], entry);
            }
    return (word) => {
        const entry = count.get(word.toLowerCase());
        return entry != null && entry.documents === 1 && entry.total <= 2;
    };
}

function shuffle<T>(items: T[], random: () => number): T[] {
    for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
}
