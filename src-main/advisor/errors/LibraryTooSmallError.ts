import { LocusError } from "@common/errors.js";

/** Too few documents, or too few facts in them, to measure anything with confidence: the Advisor recommends nothing. */
export class LibraryTooSmallError extends LocusError {
    constructor(readonly details: { documents: number; facts: number; neededDocuments: number; neededFacts: number }) {
        const { documents, facts, neededDocuments, neededFacts } = details;
        super(
            "invalid-input",
            documents < neededDocuments
                ? `The Advisor needs at least ${String(neededDocuments)} indexed documents to measure how Locus should learn them; ` +
                  `the library has ${String(documents)}. Add more documents (notes, reports, manuals with names, dates and figures), then run it again.`
                : `The Advisor found only ${String(facts)} facts to ask about in ${String(documents)} documents and needs at least ${String(neededFacts)} ` +
                  "to decide anything. Add more documents with concrete facts (names, dates, figures), then run it again."
        );
    }
}
