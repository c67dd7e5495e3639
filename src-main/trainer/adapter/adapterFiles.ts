import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { isProcessAlive } from "../../workers/isProcessAlive.js";

/** Marker in the names of temporary files the native writer leaves when killed mid-write. */
const partialMarker = ".partial-";

/**
 * A new adapter path in `outputDir` for `name` at `step`. The random part makes every checkpoint a new
 * file: node-llama-cpp caches adapters by path, so a path is never reused for other weights.
 */
export function checkpointFilePath(outputDir: string, name: string, step: number): string {
    return path.join(outputDir, `${name}.step${String(step)}.${randomBytes(4).toString("hex")}.gguf`);
}

let partialCounter = 0;

/**
 * A hidden path to write `finalPath` at before it is moved into place (named as the native writer names
 * its partial files): a kill mid-write leaves a file removeLeftoverFiles knows, never a truncated model.
 */
export function partialFilePath(finalPath: string): string {
    return path.join(path.dirname(finalPath), `.${path.basename(finalPath)}${partialMarker}${String(process.pid)}-${String(partialCounter++)}`);
}

/** A hidden scratch path for the untrained adapter the session starts from. */
export function initialAdapterPath(outputDir: string, name: string): string {
    return path.join(outputDir, `.${name}.initial-${String(process.pid)}-${randomBytes(4).toString("hex")}.gguf`);
}

/**
 * Deletes what killed runs left behind in `outputDir`: hidden partial writes, initial adapters and graph
 * padding adapters (see native/src/GraphPadding.h). Complete adapters are never touched. Files of live
 * runs are spared (their pid is alive).
 */
export async function removeLeftoverFiles(outputDir: string): Promise<string[]> {
    const removed: string[] = [];
    for (const file of await fs.readdir(outputDir).catch(() => [] as string[])) {
        const pid = leftoverPid(file);
        if (pid === undefined || isProcessAlive(pid)) continue;
        await fs.rm(path.join(outputDir, file), { force: true });
        removed.push(file);
    }
    return removed;
}

const leftoverPatterns = [/\.partial-(\d+)-\d+$/, /\.initial-(\d+)-[0-9a-f]+\.gguf$/, /^\.locus-graph-padding-(\d+)-\d+\.gguf$/];

function leftoverPid(file: string): number | undefined {
    if (!file.startsWith(".")) return undefined;
    const patterns = file.includes(partialMarker) ? leftoverPatterns.slice(0, 1) : leftoverPatterns.slice(1);
    const match = patterns.map((pattern) => pattern.exec(file)).find((found) => found !== null);
    return match?.[1] === undefined ? undefined : Number(match[1]);
}

