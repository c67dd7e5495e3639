/**
 * The packaged app's resources folder (`process.resourcesPath`: Electron sets it; pack:check points it at
 * its layout under plain Node), or undefined in plain Node. Electron started from a source checkout
 * sets it too (to Electron's own folder), so callers look for their file there and fall back.
 */
export function resourcesDir(): string | undefined {
    const dir = (process as { resourcesPath?: unknown }).resourcesPath;
    return typeof dir === "string" && dir.length > 0 ? dir : undefined;
}
