import { formatBytes } from "./formatBytes.js";

const MiB = 1024 ** 2;

/** "3.2 MB/s"; an empty string while the speed is not known yet. */
export function formatSpeed(bytesPerSecond: number | null): string {
    if (bytesPerSecond === null || !Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) return "";
    // Single-digit megabytes per second are common on home connections: keep the decimal there.
    if (bytesPerSecond >= MiB && bytesPerSecond < 10 * MiB) return `${(bytesPerSecond / MiB).toFixed(1)} MB/s`;
    return `${formatBytes(bytesPerSecond)}/s`;
}
