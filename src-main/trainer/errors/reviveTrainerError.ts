import { WorkerRemoteError } from "../../workers/WorkerRemoteError.js";
import type { SerializedError } from "../../workers/workerProtocol.js";
import { AdapterBaseMismatchError } from "./AdapterBaseMismatchError.js";
import { NativeTrainerError } from "./NativeTrainerError.js";
import { NotEnoughTrainingDataError } from "./NotEnoughTrainingDataError.js";
import { TrainerUnavailableError } from "./TrainerUnavailableError.js";
import { TrainingDivergedError } from "./TrainingDivergedError.js";

// Each class takes its own details type; `never` lets one table hold them all.
const trainerErrors: Record<string, new (details: never) => Error> = {
    AdapterBaseMismatchError,
    NativeTrainerError,
    NotEnoughTrainingDataError,
    TrainerUnavailableError,
    TrainingDivergedError
};

/** Rebuilds in the parent the named error the trainer worker threw; anything else keeps name, kind, message. */
export function reviveTrainerError(error: SerializedError): Error {
    const ErrorClass = Object.hasOwn(trainerErrors, error.name) ? trainerErrors[error.name] : undefined;
    if (ErrorClass === undefined || error.details === undefined) return new WorkerRemoteError(error);
    // The details were produced by this same class in the worker, so they have its shape.
    return new ErrorClass(error.details as never);
}
