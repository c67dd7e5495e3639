import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { CatalogInvalidError } from "./CatalogInvalidError.js";
import { catalogSchema, type Catalog } from "./catalogSchema.js";

/** native-models/catalog.json in the source tree; packaged builds pass their own resources path. */
export const defaultCatalogPath = fileURLToPath(new URL("../../native-models/catalog.json", import.meta.url));

/** Reads and validates the catalog; the error names the first failing field, e.g. `models.3.quants.0.sha256`. */
export async function loadCatalog(file: string = defaultCatalogPath): Promise<Catalog> {
    let text: string;
    try {
        text = await readFile(file, "utf8");
    } catch (error) {
        throw new CatalogInvalidError(file, "(file)", `cannot be read (${(error as Error).message})`);
    }
    return parseCatalog(text, file);
}

export function parseCatalog(text: string, file = "catalog.json"): Catalog {
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        throw new CatalogInvalidError(file, "(json)", (error as Error).message);
    }
    const parsed = catalogSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = issue === undefined || issue.path.length === 0 ? "(root)" : issue.path.map(String).join(".");
    throw new CatalogInvalidError(file, field, issue?.message ?? "does not match the schema");
}
