import { LocusError } from "@common/errors.js";
import { TrainerError } from "../trainer/errors/TrainerError.js";

/**
 * A LocusError for what a run or an adapter call threw: the trainer's named errors keep their kind and
 * message (which say what to do); anything else keeps its message.
 */
export function toLocusError(error: unknown): LocusError {
    if (error instanceof LocusError) return error;
    if (error instanceof TrainerError) return new LocusError(error.kind, error.message);
    return new LocusError("internal", error instanceof Error ? error.message : String(error));
}
