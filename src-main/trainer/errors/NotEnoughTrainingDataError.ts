import { TrainerError } from "./TrainerError.js";

export interface NotEnoughTrainingDataDetails {
    documents: number;
    tokens: number;
}

/** The documents given hold no text to learn from. */
export class NotEnoughTrainingDataError extends TrainerError<NotEnoughTrainingDataDetails> {
    public readonly kind = "invalid-input";

    public constructor(details: NotEnoughTrainingDataDetails) {
        super(
            details,
            `There is nothing to learn from: ${String(details.documents)} document(s) gave ${String(details.tokens)} tokens of text. ` +
                `Add documents with text to the library, then train again.`
        );
        this.name = "NotEnoughTrainingDataError";
    }
}
