import { LocusError } from "@common/errors.js";

/** The remote engine could not answer: unreachable, too slow, refused, or answered something unreadable. Says what to do. */
export class RemoteEngineError extends LocusError {
    constructor(message: string) {
        super("network", message);
    }
}
