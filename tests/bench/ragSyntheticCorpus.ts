import {SeededRandom} from "../support/gguf/SeededRandom";

const syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "da", "fe", "gu", "hi", "jo", "be"];

/**
 * Deterministic stand-in for a document library: chunk text drawn from a Zipf-distributed vocabulary
 * of made-up words (so keyword search meets both rare and very common terms, as in real text) and
 * random unit vectors (the hardest case for approximate search: no clusters to exploit).
 */
export class RagSyntheticCorpus {
    readonly #random: SeededRandom;
    readonly #words: string[];
    readonly #cumulative: Float64Array;

    public constructor(seed: string, vocabularySize = 20_000, zipfExponent = 1.0) {
        this.#random = new SeededRandom(seed);
        this.#words = Array.from({length: vocabularySize}, (_, rank) => wordFor(rank));
        this.#cumulative = new Float64Array(vocabularySize);
        let total = 0;
        for (let rank = 0; rank < vocabularySize; rank++) this.#cumulative[rank] = total += 1 / (rank + 1) ** zipfExponent;
        for (let rank = 0; rank < vocabularySize; rank++) this.#cumulative[rank]! /= total;
    }

    /** A chunk of `wordCount` words, sentence-like. */
    public text(wordCount: number): string {
        const words = Array.from({length: wordCount}, () => this.word());
        return `${words.join(" ")}.`;
    }

    /** A query of a few words taken from a chunk's text, as a person would quote what they remember. */
    public queryFrom(text: string, wordCount = 3): string {
        const words = text.replace(/\.$/, "").split(" ");
        return Array.from({length: wordCount}, () => words[this.#random.nextUint32() % words.length]!).join(" ");
    }

    /** Fills `out` (one or more vectors of `dimension`) with random unit vectors. */
    public unitVectors(out: Float32Array, dimension: number): void {
        this.#random.fillUniform(out, 1);
        for (let offset = 0; offset < out.length; offset += dimension) normalize(out.subarray(offset, offset + dimension));
    }

    /** A unit vector at about `similarity` cosine from `vector`: a query with a real nearest neighbour. */
    public near(vector: Float32Array, similarity: number): Float32Array {
        const noise = new Float32Array(vector.length);
        this.unitVectors(noise, vector.length);
        const mix = Math.sqrt(1 - similarity * similarity) / similarity;
        const out = vector.map((value, i) => value + mix * noise[i]!);
        normalize(out);
        return out;
    }

    public word(): string {
        const u = this.#random.nextUint32() / 4294967296;
        let low = 0;
        let high = this.#cumulative.length - 1;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if (this.#cumulative[middle]! < u) low = middle + 1;
            else high = middle;
        }
        return this.#words[low]!;
    }
}

function wordFor(rank: number): string {
    let word = "";
    let value = rank + 1;
    while (value > 0) {
        word += syllables[value % syllables.length];
        value = Math.floor(value / syllables.length);
    }
    return word;
}

function normalize(vector: Float32Array): void {
    let squares = 0;
    for (let i = 0; i < vector.length; i++) squares += vector[i]! * vector[i]!;
    const scale = 1 / Math.sqrt(squares);
    for (let i = 0; i < vector.length; i++) vector[i]! *= scale;
}
