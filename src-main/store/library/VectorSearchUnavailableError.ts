import { LocusError } from "@common/errors.js";

/** sqlite-vec did not load, so no vector can be written: the person learns why and what still works. */
export class VectorSearchUnavailableError extends LocusError {
    constructor(readonly problem: string) {
        super("unsupported",
            `Documents cannot be indexed: Locus's vector search extension is missing from this installation: ${problem}. ` +
            "Searching the documents already in the library by keywords still works. Reinstall Locus to restore it.");
    }
}
