import { InvalidInputError, NotFoundError } from "@common/errors.js";
import type { Catalog, CatalogEntry, CatalogQuant, Quant } from "../catalogSchema.js";

/** The catalog entry and file for a choice the renderer sent; errors say what can be chosen instead. */
export function findCatalogFile(catalog: Catalog, catalogId: string, quant: Quant): { entry: CatalogEntry; file: CatalogQuant } {
    const entry = catalog.models.find((model) => model.id === catalogId);
    if (entry == null) throw new NotFoundError(`Locus has no model "${catalogId}" in its catalog. Choose a model from the list.`);
    const file = entry.quants.find((candidate) => candidate.quant === quant);
    if (file == null)
        throw new InvalidInputError(`${entry.displayName} is not offered as ${quant}. Choose one of: ${entry.quants.map((q) => q.quant).join(", ")}.`);
    return { entry, file };
}
