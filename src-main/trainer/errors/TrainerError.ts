import type { ErrorKind } from "@common/contract/result.js";

/**
 * A trainer failure with a kind the UI can act on and a message that says what to do. Subclasses build
 * the message from plain `details`, so the error is rebuilt exactly on the other side of the worker.
 */
export abstract class TrainerError<Details extends object = object> extends Error {
    public abstract readonly kind: ErrorKind;

    protected constructor(
        public readonly details: Details,
        message: string
    ) {
        super(message);
    }
}
