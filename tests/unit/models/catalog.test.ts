import { describe, expect, test } from "vitest";
import { CatalogInvalidError } from "../../../src-main/models/CatalogInvalidError.js";
import { factStatus } from "../../../src-main/models/factStatus.js";
import { loadCatalog, parseCatalog } from "../../../src-main/models/loadCatalog.js";
import { requiredFactKeys } from "../../../src-main/models/requiredFactKeys.js";
import { sizeClassOf } from "../../../src-main/recommend/sizeClassOf.js";

const catalog = await loadCatalog();
const byKind = (kind: string) => catalog.models.filter((entry) => entry.kind === kind);

describe("shipped catalog", () => {
    test("validates against the schema", () => {
        expect(catalog.models.length).toBeGreaterThan(0);
    });

    test("offers chat models in at least four size classes, including about 0.6B, 1-2B, 3-4B and 7-8B", () => {
        const classes = new Set(byKind("chat").map((entry) => sizeClassOf(entry.parameterCount)));
        expect(classes.size).toBeGreaterThanOrEqual(4);
        for (const wanted of ["under-1B", "1-2B", "3-4B", "7-8B"] as const) expect(classes).toContain(wanted);
    });

    test("offers at least four embedding models with their dimensions, and at least one reranker", () => {
        const embeddings = byKind("embedding");
        expect(embeddings.length).toBeGreaterThanOrEqual(4);
        const dimensions = Object.fromEntries(embeddings.map((entry) => [entry.id, entry.embeddingDimension]));
        expect(dimensions).toMatchObject({ "bge-small-en-v1.5": 384, "nomic-embed-text-v1.5": 768, "embeddinggemma-300m": 768, "qwen3-embedding-0.6b": 1024 });
        expect(byKind("reranker").length).toBeGreaterThanOrEqual(1);
    });

    test("every quantization names a .gguf file and a positive size", () => {
        for (const entry of catalog.models)
            for (const quant of entry.quants) {
                expect(quant.file, `${entry.id} ${quant.quant}`).toMatch(/\.gguf$/);
                expect(quant.sizeBytes).toBeGreaterThan(0);
            }
    });

    test("every fact is declared verified (with a source) or unverified, never silently guessed", () => {
        for (const entry of catalog.models)
            for (const fact of requiredFactKeys(entry))
                expect(factStatus(entry, fact).status, `${entry.id}: ${fact}`).not.toBe("unrecorded");
    });

    test("sizes, hashes and revisions are only verified when they are exact and pinned", () => {
        for (const entry of catalog.models) {
            for (const quant of entry.quants) {
                const size = factStatus(entry, `quants.${quant.quant}.sizeBytes`).status;
                expect(size, `${entry.id} ${quant.quant} size`).toBe(quant.sizeExact ? "verified" : "unverified");
                const sha = factStatus(entry, `quants.${quant.quant}.sha256`).status;
                expect(sha, `${entry.id} ${quant.quant} sha256`).toBe(quant.sha256 === null ? "unverified" : "verified");
            }
            if (entry.revision === "main") expect(factStatus(entry, "revision").status, entry.id).toBe("unverified");
        }
    });

    test("a more specific fact key overrides a group key", () => {
        const qwen = catalog.models.find((entry) => entry.id === "qwen3-0.6b");
        expect(qwen).toBeDefined();
        if (qwen === undefined) return;
        expect(factStatus(qwen, "architecture.layers").status).toBe("verified");
        expect(factStatus(qwen, "architecture.hiddenSize").status).toBe("unverified");
    });
});

describe("loadCatalog errors", () => {
    const valid = JSON.stringify(catalog);

    test("names the failing field of a broken entry", () => {
        const broken = JSON.parse(valid) as { models: Array<{ quants: Array<{ sha256: string | null }> }> };
        const quant = broken.models[1]?.quants[0];
        if (quant !== undefined) quant.sha256 = "not-a-hash";
        expect(() => parseCatalog(JSON.stringify(broken))).toThrowError(/models\.1\.quants\.0\.sha256/);
        expect(() => parseCatalog(JSON.stringify(broken))).toThrowError(CatalogInvalidError);
    });

    test("rejects duplicate ids and embedding models without a dimension", () => {
        const duplicated = JSON.parse(valid) as { models: Array<{ id: string; embeddingDimension?: number; kind: string }> };
        const second = duplicated.models[1];
        if (second !== undefined) second.id = duplicated.models[0]?.id ?? "";
        expect(() => parseCatalog(JSON.stringify(duplicated))).toThrowError(/models\.1\.id/);

        const noDimension = JSON.parse(valid) as { models: Array<{ kind: string; embeddingDimension?: number }> };
        const index = noDimension.models.findIndex((entry) => entry.kind === "embedding");
        delete noDimension.models[index]?.embeddingDimension;
        expect(() => parseCatalog(JSON.stringify(noDimension))).toThrowError(new RegExp(`models\\.${index}\\.embeddingDimension`));
    });

    test("reports unreadable files and invalid JSON", async () => {
        await expect(loadCatalog("/nonexistent/catalog.json")).rejects.toThrowError(CatalogInvalidError);
        expect(() => parseCatalog("{")).toThrowError(/\(json\)/);
    });
});
