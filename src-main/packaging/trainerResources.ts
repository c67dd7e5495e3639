import fs from "node:fs";
import path from "node:path";
import type { FileSet } from "electron-builder";
import { trainerAddonFileName, trainerBuildStampFileName, trainerFolderName } from "../trainer/native/trainerBuildPaths.js";

/** The relocatable trainer folder `npm run build:trainer` makes (src-main/trainer/native/build.ts). */
export const trainerSourceDir = path.join(".cache", trainerFolderName);

/**
 * The trainer as it is shipped: `.cache/trainer/` copied whole to `resources/trainer/` (the addon, the
 * libraries it links, its patched CPU backend in cpu/, the stamp). Nothing when it was not built on this
 * machine (a platform without the toolchain): the installer then has no trainer, and Personalize says so.
 */
export function trainerResources(projectDir = process.cwd()): FileSet[] {
    const source = path.join(projectDir, trainerSourceDir);
    const built = fs.existsSync(path.join(source, trainerAddonFileName)) && fs.existsSync(path.join(source, trainerBuildStampFileName));
    if (!built) {
        process.stderr.write(`Packaging without the trainer: ${source} has no build (run "npm run build:trainer"). Personalize will be unavailable in this installer.\n`);
        return [];
    }
    return [{ from: trainerSourceDir, to: trainerFolderName, filter: ["**/*"] }];
}
