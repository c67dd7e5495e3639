import { LocusError } from "@common/errors.js";

/** The shipped model catalog is unreadable or breaks its schema: a build defect, not a user mistake. */
export class CatalogInvalidError extends LocusError {
    constructor(readonly file: string, readonly field: string, detail: string) {
        super("internal", `The model catalog ${file} is invalid at "${field}": ${detail}. Reinstall Locus or report this file.`);
    }
}
