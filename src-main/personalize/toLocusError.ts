import { LocusError } from "@common/errors.js";
import { isDiskFull } from "../store/isDiskFull.js";
import { TrainerError } from "../trainer/errors/TrainerError.js";

/** A run stopped by a full disk: the checkpoints are written to a temporary file and renamed, so none is half-written. */
export const trainingDiskFullMessage =
    "The disk is full, so the training run stopped. Adapters saved before are kept and nothing half-written was left. " +
    "Free some space on the disk that holds Locus's data folder, then start the run again.";

/**
 * A LocusError for what a run or an adapter call threw: the trainer's named errors keep their kind and
 * message (which say what to do); anything else keeps its message.
 */
export function toLocusError(error: unknown): LocusError {
    if (error instanceof LocusError) return error;
    if (isDiskFull(error)) return new LocusError("disk-full", trainingDiskFullMessage);
    if (error instanceof TrainerError) return new LocusError(error.kind, error.message);
    return new LocusError("internal", error instanceof Error ? error.message : String(error));
}
