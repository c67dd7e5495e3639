import { BusyError } from "@common/errors.js";

/** One training run at a time: it takes most of the cores. */
export class TrainingBusyError extends BusyError {
    constructor() {
        super("A training run is already going on. Stop it, or wait until it ends, then start another.");
    }
}
