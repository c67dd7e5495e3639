import { TrainerError } from "./TrainerError.js";

export interface AdapterBaseMismatchDetails {
    adapterFile: string;
    modelFile: string;
    /** What the adapter records about its base, or null when it records nothing. */
    expectedFingerprint: string | null;
    actualFingerprint: string;
}

/** The adapter was trained on another base model; applying it would produce garbage. */
export class AdapterBaseMismatchError extends TrainerError<AdapterBaseMismatchDetails> {
    public readonly kind = "bad-model-file";

    public constructor(details: AdapterBaseMismatchDetails) {
        super(
            details,
            details.expectedFingerprint === null
                ? `The adapter "${details.adapterFile}" does not say which model it was trained on, so it cannot be checked against "${details.modelFile}". Train a new adapter for this model.`
                : `The adapter "${details.adapterFile}" was trained on a different model than "${details.modelFile}". Load the model it was trained on, or train a new adapter for this one.`
        );
        this.name = "AdapterBaseMismatchError";
    }
}
