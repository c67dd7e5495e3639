import { catalogSchema, type Catalog, type CatalogQuant } from "../../../src-main/models/catalogSchema.js";
import type { HubFile } from "./fakeHubTypes.js";

export const testCatalogId = "test-model";

/** A one-model catalog whose Q8_0 file is the hub file; `quant` overrides what the catalog claims. */
export function testCatalog(file: HubFile, quant: Partial<CatalogQuant> = {}): Catalog {
    return catalogSchema.parse({
        schemaVersion: 1, updated: "2025-01-01", about: "test catalog",
        models: [{
            id: testCatalogId, kind: "chat", family: "test", displayName: "Test Model",
            repository: file.repository, revision: file.revision, parameterCount: 1_000_000, contextLength: 2048,
            license: "MIT", languages: ["en"], verified: {}, unverified: [],
            quants: [{ quant: "Q8_0", file: file.fileName, sizeBytes: file.size, sizeExact: true, sha256: file.sha256, ...quant }]
        }]
    });
}
