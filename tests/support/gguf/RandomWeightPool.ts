import { encodedLength, encodeTensorValues } from "../../../src-main/models/gguf/encodeTensorValues.js";
import type { GgmlType } from "../../../src-main/models/gguf/ggufTypes.js";
import type { TensorDataSource } from "../../../src-main/models/gguf/GgufWriter.js";
import { negateBlock } from "./negateBlock.js";
import { SeededRandom } from "./SeededRandom.js";

/** Values per copied run when a tensor is larger than the pool: long enough that copying is memcpy-bound. */
const runValues = 4096;
/** Output chunk size in runs (a few MiB per write). */
const runsPerChunk = 1024;
/** Runs start at, and signs flip per, multiples of the largest block size, the same for every type. */
const blockValues = 32;

/**
 * Random matrix weights cut from a pool of uniform random values. Drawing and quantizing 1.2 billion values
 * one by one takes a minute in JS; copying takes seconds, and neither llama.cpp's speed nor the scale of
 * activations depends on weights being unique.
 *
 * A tensor that fits in the pool is one contiguous slice at a random offset; a larger one is tiled from
 * runs at random offsets. Each 32-value block is then negated at random, so tiled rows of many blocks (the
 * 1B model's 2048-value embedding rows) do not repeat; rows of one or two blocks could, which is why
 * callers size the pool to their largest tensor when they can.
 *
 * The pool is encoded with the real quantizers, and offsets and signs depend only on the tensor's seed, so
 * an F32 and a Q8_0 model of one seed hold the same weights up to quantization.
 */
export class RandomWeightPool {
    private readonly values: Float32Array;
    private readonly encoded = new Map<GgmlType, Uint8Array>();

    /** `poolValues` is rounded up to a multiple of 32. */
    public constructor(seed: string, amplitude: number, poolValues: number) {
        this.values = new Float32Array(Math.ceil(poolValues / blockValues) * blockValues);
        new SeededRandom(`${seed}:pool`).fillUniform(this.values, amplitude);
    }

    /** `valueCount` must be a multiple of 32, as the rows of every quantized matrix are. */
    public tensorData(type: GgmlType, valueCount: number, tensorSeed: string): TensorDataSource {
        if (valueCount % blockValues !== 0)
            throw new RangeError(`random tensors need a multiple of ${blockValues} values, got ${valueCount}`);
        const pool = this.encodedPool(type);
        const poolValues = this.values.length;
        const run = Math.min(runValues, poolValues);
        const randomStart = (random: SeededRandom, span: number): number =>
            (random.nextUint32() % (Math.floor((poolValues - span) / blockValues) + 1)) * blockValues;

        return function* generate() {
            const random = new SeededRandom(tensorSeed);
            const sliceStart = valueCount <= poolValues ? randomStart(random, valueCount) : undefined;
            const chunk = new Uint8Array(encodedLength(type, Math.min(valueCount, run * runsPerChunk)));
            for (let done = 0; done < valueCount;) {
                let filled = 0;
                for (let runIndex = 0; runIndex < runsPerChunk && done < valueCount; runIndex++) {
                    const count = Math.min(run, valueCount - done);
                    const from = encodedLength(type, sliceStart == null ? randomStart(random, run) : sliceStart + done);
                    const bytes = encodedLength(type, count);
                    chunk.set(pool.subarray(from, from + bytes), filled);
                    negateRandomBlocks(type, chunk.subarray(filled, filled + bytes), count / blockValues, random);
                    filled += bytes;
                    done += count;
                }
                // the writer finishes with this chunk before asking for the next, so it is reused
                yield chunk.subarray(0, filled);
            }
        };
    }

    private encodedPool(type: GgmlType): Uint8Array {
        let pool = this.encoded.get(type);
        if (pool == null) {
            pool = new Uint8Array(encodedLength(type, this.values.length));
            encodeTensorValues(type, this.values, pool);
            this.encoded.set(type, pool);
        }
        return pool;
    }
}

/** Negates each of `blockCount` consecutive blocks with probability 1/2 (one random bit per block). */
function negateRandomBlocks(type: GgmlType, bytes: Uint8Array, blockCount: number, random: SeededRandom): void {
    const blockBytes = encodedLength(type, blockValues);
    for (let first = 0; first < blockCount; first += 32) {
        const signs = random.nextUint32();
        for (let bit = 0; bit < 32 && first + bit < blockCount; bit++)
            if ((signs >>> bit) & 1) negateBlock(type, bytes, (first + bit) * blockBytes);
    }
}
