/**
 * xoshiro128** seeded through splitmix32: fast, 32-bit only (no BigInt in the hot loop), and the same
 * stream on every platform, so a model generated twice is byte-identical.
 */
export class SeededRandom {
    private s0: number;
    private s1: number;
    private s2: number;
    private s3: number;

    /** `seed` is any string (e.g. "42:blk.3.attn_q.weight"), so each tensor has its own stream. */
    public constructor(seed: string) {
        let state = hashString(seed);
        const next = (): number => {
            state = (state + 0x9e3779b9) | 0;
            let z = state;
            z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
            z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
            return (z ^ (z >>> 16)) >>> 0;
        };
        this.s0 = next();
        this.s1 = next();
        this.s2 = next();
        this.s3 = next() | 1; // never all zero
    }

    /** Next uniform 32-bit unsigned integer. */
    public nextUint32(): number {
        const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
        const t = this.s1 << 9;
        this.s2 ^= this.s0;
        this.s3 ^= this.s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = rotl(this.s3, 11);
        return result;
    }

    /** Fills `out` with values uniform in [-amplitude, amplitude) (standard deviation amplitude / sqrt(3)). */
    public fillUniform(out: Float32Array, amplitude: number): void {
        const scale = (2 * amplitude) / 4294967296;
        // the generator is inlined on local state: this loop makes ~1.2 billion values for the 1B model
        let s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
        for (let i = 0; i < out.length; i++) {
            const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
            const t = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = rotl(s3, 11);
            out[i] = result * scale - amplitude;
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }
}

function rotl(value: number, shift: number): number {
    return (value << shift) | (value >>> (32 - shift));
}

/** FNV-1a over UTF-16 code units. */
function hashString(text: string): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return hash >>> 0;
}
