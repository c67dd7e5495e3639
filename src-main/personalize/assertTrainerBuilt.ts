import { TrainerUnavailableError } from "../trainer/errors/TrainerUnavailableError.js";
import { findTrainerAddon, readTrainerBuildStamp } from "../trainer/native/trainerBuildPaths.js";

/**
 * Throws TrainerUnavailableError (which says to run `npm run build:trainer`) when the native trainer has
 * not been built, before a run starts a worker that could only fail. Loading it is left to the worker.
 */
export function assertTrainerBuilt(): void {
    const addonPath = findTrainerAddon();
    if (readTrainerBuildStamp(addonPath) === undefined) throw new TrainerUnavailableError({ addonPath, reason: "it has not been built" });
}
