/** The reference forward pass's arithmetic, in float64 over row-major [rows, columns] arrays. */
export const referenceMath = {
    /** y = x W^T + b for a PyTorch Linear layer: W is [outputs, inputs], x is [tokens, inputs]. */
    linear(x: Float64Array, tokens: number, weight: Float32Array, bias: Float32Array, inputs: number, outputs: number): Float64Array {
        const y = new Float64Array(tokens * outputs);
        for (let t = 0; t < tokens; t++) {
            const row = t * inputs;
            for (let o = 0; o < outputs; o++) {
                const w = o * inputs;
                let sum = bias[o]!;
                for (let i = 0; i < inputs; i++) sum += x[row + i]! * weight[w + i]!;
                y[t * outputs + o] = sum;
            }
        }
        return y;
    },

    /** LayerNorm over each row: (x - mean) / sqrt(variance + eps) * gamma + beta, with the biased variance. */
    layerNorm(x: Float64Array, width: number, gamma: Float32Array, beta: Float32Array, eps: number): Float64Array {
        const y = new Float64Array(x.length);
        for (let row = 0; row < x.length; row += width) {
            let mean = 0;
            for (let i = 0; i < width; i++) mean += x[row + i]!;
            mean /= width;
            let variance = 0;
            for (let i = 0; i < width; i++) variance += (x[row + i]! - mean) ** 2;
            const scale = 1 / Math.sqrt(variance / width + eps);
            for (let i = 0; i < width; i++) y[row + i] = (x[row + i]! - mean) * scale * gamma[i]! + beta[i]!;
        }
        return y;
    },

    /** The exact GELU, x * Φ(x) = x/2 * (1 + erf(x / √2)), as PyTorch's nn.GELU() and HF's "gelu". */
    gelu(x: number): number {
        return 0.5 * x * (1 + erf(x / Math.SQRT2));
    },

    cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
        let dot = 0;
        let normA = 0;
        let normB = 0;
        for (let i = 0; i < a.length; i++) {
            dot += a[i]! * b[i]!;
            normA += a[i]! ** 2;
            normB += b[i]! ** 2;
        }
        return dot / Math.sqrt(normA * normB);
    }
};

/**
 * erf to about 1e-12: its Maclaurin series for |x| < 3 (terms fall fast there), and the continued
 * fraction of erfc beyond, where the series would lose digits to cancellation.
 */
function erf(x: number): number {
    const z = Math.abs(x);
    if (z < 3) {
        // erf(z) = 2/√π Σ (-1)^n z^(2n+1) / (n! (2n+1))
        let term = z;
        let sum = z;
        for (let n = 1; n < 100 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
            term *= -z * z / n;
            sum += term / (2 * n + 1);
        }
        return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
    }
    // erfc(z) = exp(-z²)/√π · 1/(z + 1/2/(z + 1/(z + 3/2/(z + 2/(z + …))))), evaluated from the tail
    let fraction = z;
    for (let k = 60; k >= 1; k--) fraction = z + (k / 2) / fraction;
    const erfc = Math.exp(-z * z) / Math.sqrt(Math.PI) / fraction;
    return Math.sign(x) * (1 - erfc);
}
