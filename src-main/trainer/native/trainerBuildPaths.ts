import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const trainerAddonFileName = "locus_trainer.node";
/** Written next to the addon by build.ts: what it was built from and where its libraries are. */
export const trainerBuildStampFileName = "locus-trainer-build.json";

export type TrainerBuildStamp = {
    /** node-llama-cpp's prebuilt libraries the addon links against (and loads CPU backends from). */
    llamaLibraryDir: string;
    llamaCommit: string;
    sourceHash: string;
    /**
     * The trainer's own ggml CPU backend (same sources, with ggml-patches/ applied), loaded instead of
     * node-llama-cpp's; absent when it could not be built for this machine.
     */
    cpuBackendPath?: string;
};

/**
 * Where the built addon is: $LOCUS_TRAINER_ADDON when set, else `.cache/trainer-build/` in the first
 * folder above this module (or the working directory) that has one.
 */
export function findTrainerAddon(): string {
    const fromEnv = process.env["LOCUS_TRAINER_ADDON"];
    if (fromEnv) return path.resolve(fromEnv);
    const relative = path.join(".cache", "trainer-build", trainerAddonFileName);
    for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, relative);
        if (fs.existsSync(candidate)) return candidate;
        if (path.dirname(dir) === dir) break;
    }
    return path.resolve(relative);
}

export function readTrainerBuildStamp(addonPath: string): TrainerBuildStamp | undefined {
    try {
        return JSON.parse(fs.readFileSync(path.join(path.dirname(addonPath), trainerBuildStampFileName), "utf8")) as TrainerBuildStamp;
    } catch {
        return undefined;
    }
}
