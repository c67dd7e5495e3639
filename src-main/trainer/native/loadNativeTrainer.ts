import { createRequire } from "node:module";
import { TrainerUnavailableError } from "../errors/TrainerUnavailableError.js";
import { llamaLibraryDir } from "./llamaLibraryDir.js";
import type { NativeTrainerAddon } from "./nativeTrainerTypes.js";
import { findTrainerAddon, isPackagedTrainer, readTrainerBuildStamp, trainerFile } from "./trainerBuildPaths.js";

export type LoadNativeTrainerOptions = {
    /** Defaults to findTrainerAddon(). */
    addonPath?: string;
    /** Print llama.cpp's info logs (they are filtered to warnings and errors otherwise). */
    verbose?: boolean;
    /**
     * Use node-llama-cpp's own CPU backend rather than the trainer's patched one (slower backward
     * through quantized weights; for comparisons). Default: $LOCUS_TRAINER_STOCK_GGML === "1".
     */
    stockBackend?: boolean;
};

/**
 * Loads the native trainer and its CPU backend. Only the trainer worker should call this: the addon
 * shares node-llama-cpp's libraries but keeps its own llama.cpp state.
 */
export function loadNativeTrainer(options: LoadNativeTrainerOptions = {}): NativeTrainerAddon {
    const addonPath = options.addonPath ?? findTrainerAddon();
    const packaged = isPackagedTrainer(addonPath);
    const stamp = readTrainerBuildStamp(addonPath);
    if (stamp === undefined) {
        throw new TrainerUnavailableError({ addonPath, reason: packaged ? "it is not part of this installation" : "it has not been built", packaged });
    }
    let addon: NativeTrainerAddon;
    try {
        addon = createRequire(import.meta.url)(addonPath) as NativeTrainerAddon;
        const stock = options.stockBackend ?? process.env["LOCUS_TRAINER_STOCK_GGML"] === "1";
        const verbose = options.verbose ?? process.env["LOCUS_TRAINER_VERBOSE"] === "1";
        const cpuBackend = stock || stamp.cpuBackend === undefined ? "" : trainerFile(addonPath, stamp.cpuBackend);
        // node-llama-cpp's folder is needed only to pick one of its CPU backends.
        addon.initBackend(cpuBackend === "" ? llamaLibraryDir(stamp.llamaTarget) : "", verbose, cpuBackend);
    } catch (error) {
        throw new TrainerUnavailableError({ addonPath, reason: error instanceof Error ? error.message : String(error), packaged });
    }
    return addon;
}
