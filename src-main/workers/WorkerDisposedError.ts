/** The worker was shut down (usually because the app is closing) before this request finished. */
export class WorkerDisposedError extends Error {
    public readonly kind = "disposed";

    public constructor(
        public readonly workerName: string,
        public readonly task: string
    ) {
        super(`The ${workerName} was shut down before ${task} finished; run it again once Locus is running.`);
        this.name = "WorkerDisposedError";
    }
}
