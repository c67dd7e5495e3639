import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Whether this code runs from the packaged app's archive (`resources/app.asar/...`) rather than a
 * source checkout: where the packaged app's parts live then is `process.resourcesPath`.
 */
export function runningFromArchive(moduleUrl: string = import.meta.url): boolean {
    return fileURLToPath(moduleUrl).includes(`.asar${path.sep}`);
}
