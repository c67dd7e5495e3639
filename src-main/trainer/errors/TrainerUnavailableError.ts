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
                `Build it with "npx tsx src-main/trainer/native/build.ts", or reinstall Locus.`
        );
        this.name = "TrainerUnavailableError";
    }
}
