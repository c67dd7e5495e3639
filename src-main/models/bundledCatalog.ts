import catalogJson from "../../native-models/catalog.json";
import type { Catalog } from "./catalogSchema.js";
import { parseCatalog } from "./loadCatalog.js";

let catalog: Catalog | null = null;

/**
 * The catalog built into the app (bundled at build time, so a packaged app needs no file next to it),
 * validated on first use.
 */
export function bundledCatalog(): Catalog {
    catalog ??= parseCatalog(JSON.stringify(catalogJson), "native-models/catalog.json");
    return catalog;
}
