import { TrainerUnavailableError } from "../trainer/errors/TrainerUnavailableError.js";
import { findTrainerAddon, isPackagedTrainer } from "../trainer/native/trainerBuildPaths.js";
import { trainerProblem } from "../trainer/native/trainerProblem.js";

/**
 * Throws TrainerUnavailableError (which says to run `npm run build:trainer`, or, in an installed app, that
 * the installation lacks the trainer) when a file the native trainer needs is missing, before a run starts a
 * worker that could only fail. Loading it is left to the worker.
 */
export function assertTrainerBuilt(): void {
    const addonPath = findTrainerAddon();
    const problem = trainerProblem(addonPath);
    if (problem !== undefined) throw new TrainerUnavailableError({ addonPath, reason: problem, packaged: isPackagedTrainer(addonPath) });
}
