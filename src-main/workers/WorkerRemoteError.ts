import type { SerializedError } from "./workerProtocol.js";

/**
 * An error thrown inside a worker that the parent has no named class for. It keeps the original
 * name, kind and message, so nothing the user needs is lost on the way.
 */
export class WorkerRemoteError extends Error {
    public readonly kind: string;
    public readonly details: Record<string, unknown>;

    public constructor(error: SerializedError) {
        super(error.message);
        this.name = error.name;
        this.kind = error.kind;
        this.details = error.details ?? {};
    }
}
