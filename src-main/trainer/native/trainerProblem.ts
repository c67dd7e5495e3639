import fs from "node:fs";
import path from "node:path";
import { findTrainerAddon, readTrainerBuildStamp, trainerBuildStampFileName, trainerFile } from "./trainerBuildPaths.js";

/**
 * Why the trainer cannot be used here, in words (a missing addon, stamp, library or CPU backend), or
 * undefined when every file it needs is in place. Checks files only: loading happens in the trainer worker.
 */
export function trainerProblem(addonPath: string = findTrainerAddon()): string | undefined {
    if (!fs.existsSync(addonPath)) return `${addonPath} is missing`;
    const stamp = readTrainerBuildStamp(addonPath);
    if (stamp === undefined) return `its build record ${path.join(path.dirname(addonPath), trainerBuildStampFileName)} is missing or from another version`;
    for (const relative of [...stamp.libraries, ...(stamp.cpuBackend === undefined ? [] : [stamp.cpuBackend])]) {
        const file = trainerFile(addonPath, relative);
        if (!fs.existsSync(file)) return `${file}, which it needs, is missing`;
    }
    return undefined;
}
