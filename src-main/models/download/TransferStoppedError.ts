/** Why a running transfer was stopped on purpose; none of these is a failure to report. */
export type StopReason = "pause" | "cancel" | "dispose";

/** Control flow only: tells the job runner that a transfer ended because it was asked to. */
export class TransferStoppedError extends Error {
    override name = "TransferStoppedError";

    constructor(readonly reason: StopReason) {
        super(`The transfer was stopped (${reason}).`);
    }
}
