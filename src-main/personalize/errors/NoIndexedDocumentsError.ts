import { LocusError } from "@common/errors.js";

/** Training reads indexed documents only, and there are none (or none of those chosen is indexed). */
export class NoIndexedDocumentsError extends LocusError {
    constructor(details: { chosen: number; notIndexed: string[] }) {
        const names = details.notIndexed.slice(0, 3).map((name) => `"${name}"`).join(", ");
        super(
            "invalid-input",
            details.chosen === 0
                ? "There are no indexed documents to learn from. Add documents to the Library, wait until they are indexed, then train."
                : `None of the chosen documents is indexed yet (${names}${details.notIndexed.length > 3 ? ", …" : ""}). ` +
                  "Wait until they are indexed, or choose others, then train."
        );
    }
}
