import { TrainerError } from "./TrainerError.js";

export interface TrainerUnavailableDetails {
    addonPath: string;
    reason: string;
}

/** The native trainer addon is missing or does not load on this machine. */
export class TrainerUnavailableError extends TrainerError<TrainerUnavailableDetails> {
    public readonly kind = "unsupported";

    public constructor(details: TrainerUnavailableDetails) {
        super(
            details,
            `On-device learning is not available: the trainer at ${details.addonPath} could not be loaded (${details.reason}). ` +
                `Build it: run "npm run build:trainer" in the Locus folder (npm run setup does it too), then try again.`
        );
        this.name = "TrainerUnavailableError";
    }
}
