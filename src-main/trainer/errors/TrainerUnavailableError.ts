import { TrainerError } from "./TrainerError.js";

export interface TrainerUnavailableDetails {
    addonPath: string;
    reason: string;
    /**
     * The addon was looked for in an installed app's resources: the person cannot build it there, so the
     * message says the installation lacks it instead of naming a build command.
     */
    packaged?: boolean;
}

/** The native trainer addon is missing or does not load on this machine. */
export class TrainerUnavailableError extends TrainerError<TrainerUnavailableDetails> {
    public readonly kind = "unsupported";

    public constructor(details: TrainerUnavailableDetails) {
        super(details, details.packaged === true
            ? `On-device learning (Personalize) is not available: this installation of Locus has no working trainer at ` +
                `${details.addonPath} (${details.reason}). Installers built without a C++ toolchain for this platform leave it out. ` +
                `Everything else works; to use Personalize, install a Locus build that includes the trainer.`
            : `On-device learning is not available: the trainer at ${details.addonPath} could not be loaded (${details.reason}). ` +
                `Build it: run "npm run build:trainer" in the Locus folder (npm run setup does it too), then try again.`);
        this.name = "TrainerUnavailableError";
    }
}
