import { TrainerUnavailableError } from "../trainer/errors/TrainerUnavailableError.js";
import { findTrainerAddon, isPackagedTrainer, readTrainerBuildStamp } from "../trainer/native/trainerBuildPaths.js";

/**
 * Throws TrainerUnavailableError (which says to run `npm run build:trainer`, or, in an installed app, that
 * the installation lacks the trainer) when the native trainer is not there, before a run starts a worker
 * that could only fail. Loading it is left to the worker.
 */
export function assertTrainerBuilt(): void {
    const addonPath = findTrainerAddon();
    if (readTrainerBuildStamp(addonPath) === undefined) {
        const packaged = isPackagedTrainer(addonPath);
        throw new TrainerUnavailableError({ addonPath, reason: packaged ? "it is not part of this installation" : "it has not been built", packaged });
    }
}
