import fs from "node:fs";
import path from "node:path";
import { findTrainerAddon, readTrainerBuildStamp, trainerBuildStampFileName, trainerFile } from "./trainerBuildPaths.js";

/**
 * Why the trainer at `addonPath` cannot be used, in words (a missing addon, stamp, library or CPU backend,
 * named relative to its folder), or undefined when every file it needs is in place. Checks files only:
 * loading happens in the trainer worker.
 */
export function trainerProblem(addonPath: string = findTrainerAddon()): string | undefined {
    if (!fs.existsSync(addonPath)) return `${path.basename(addonPath)} is missing`;
    const stamp = readTrainerBuildStamp(addonPath);
    if (stamp === undefined) return `its build record ${trainerBuildStampFileName} is missing or from another version`;
    for (const relative of [...stamp.libraries, ...(stamp.cpuBackend === undefined ? [] : [stamp.cpuBackend])]) {
        if (!fs.existsSync(trainerFile(addonPath, relative))) return `${relative}, which it needs, is missing`;
    }
    return undefined;
}
