import { BusyError } from "@common/errors.js";

/** Too many generations are already waiting for the model; the caller should try again after `retryAfterSeconds`. */
export class QueueFullError extends BusyError {
    constructor(readonly waiting: number, readonly retryAfterSeconds: number) {
        super(`Locus is busy: ${waiting} requests are already waiting for the model. Try again in about ${retryAfterSeconds} s.`);
    }
}
