import { LocusError } from "@common/errors.js";

/** The chosen documents hold too little text for training to teach the model anything. */
export class NotEnoughTextError extends LocusError {
    constructor(readonly details: { documents: number; characters: number; minimum: number }) {
        super(
            "invalid-input",
            `Not enough text to learn from: ${String(details.documents)} document(s) hold ${String(details.characters)} characters, ` +
                `and training needs at least ${String(details.minimum)}. Choose more or longer documents, then train.`
        );
    }
}
