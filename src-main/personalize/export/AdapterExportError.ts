import { LocusError } from "@common/errors.js";

/** An adapter that cannot be written in the PEFT layout, with the reason and what to do. */
export class AdapterExportError extends LocusError {
    constructor(message: string) {
        super("unsupported", message);
    }
}
