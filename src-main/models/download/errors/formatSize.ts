/**
 * A size as the hub shows it ("1.1 GB", decimal units), so messages match what people see there.
 * Small sizes keep the exact byte count: a truncation by a few bytes must stay visible.
 */
export function formatSize(bytes: number): string {
    if (bytes < 1e6) return `${bytes.toLocaleString("en-US")} bytes`;
    if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
    return `${(bytes / 1e9).toFixed(2)} GB`;
}
