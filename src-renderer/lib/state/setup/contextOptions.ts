/** Context sizes Settings offers, in tokens. */
const standardSizes = [2048, 4096, 8192, 16384, 32768, 65536, 131072];

/**
 * The sizes offered for a model: the standard ones it can read, its own maximum, and the current
 * choice (which may have come from the wizard and be none of these).
 */
export function contextOptions(modelMaximum: number | null, current: number): number[] {
    const maximum = modelMaximum ?? Math.max(current, 32768);
    const sizes = new Set(standardSizes.filter((size) => size <= maximum));
    sizes.add(maximum);
    sizes.add(Math.min(current, maximum));
    return [...sizes].sort((a, b) => a - b);
}
