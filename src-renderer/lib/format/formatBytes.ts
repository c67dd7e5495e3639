const units = ["bytes", "KB", "MB", "GB", "TB"];

/** A size as people read it: `812 MB`, `1.3 GB` (powers of 1024, one decimal past a gigabyte). */
export function formatBytes(bytes: number): string {
    if (!Number.isFinite(bytes) || bytes < 0) return "unknown size";
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    const digits = unit >= 3 && value < 100 ? 1 : 0;
    return `${value.toFixed(digits)} ${units[unit]}`;
}
