import fs from "node:fs/promises";
import { catalogSchema, type Catalog } from "../../src-main/models/catalogSchema.js";
import { FakeHub } from "../support/fakeHub/FakeHub.js";

export type SoakHub = { hub: FakeHub; catalog: Catalog; catalogIds: string[]; fileBytes: number };

/**
 * The fake hub for the soak's downloads, in the harness's own process so it outlives every kill: `count`
 * models (each a real GGUF file), served at `bytesPerSecond` so that a download spans a kill or two, and
 * the catalog that names them with their SHA-256.
 */
export async function startSoakHub(modelFile: string, count: number, bytesPerSecond: number): Promise<SoakHub> {
    const hub = await new FakeHub().start();
    hub.setFaults({ bytesPerSecond });
    const bytes = await fs.readFile(modelFile);
    const models = Array.from({ length: count }, (_, i) => {
        const id = `soak-model-${String(i)}`;
        const file = hub.addFile({ repository: `soak-org/Soak-Model-${String(i)}-GGUF`, revision: "b".repeat(40), fileName: `soak-model-${String(i)}-Q8_0.gguf`, bytes });
        return {
            id, kind: "reranker", family: "soak", displayName: `Soak model ${String(i)}`, repository: file.repository, revision: file.revision,
            parameterCount: 1_000_000, contextLength: 512, license: "MIT", languages: ["en"], verified: {}, unverified: [],
            quants: [{ quant: "Q8_0", file: file.fileName, sizeBytes: file.size, sizeExact: true, sha256: file.sha256 }]
        };
    });
    const catalog = catalogSchema.parse({ schemaVersion: 1, updated: "2026-01-01", about: "soak catalog", models });
    return { hub, catalog, catalogIds: models.map((model) => model.id), fileBytes: bytes.length };
}
