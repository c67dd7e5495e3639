import { z } from "zod";

/** Quantizations the catalog may offer; the bits per weight of each are in `nominalBitsPerWeight`. */
export const quantSchema = z.enum(["Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0", "F16", "F32"]);

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits");
/** A pinned Git commit, or "main" when no commit could be confirmed (then listed in `unverified`). */
const revisionSchema = z.string().regex(/^([0-9a-f]{40}|main)$/, "must be a 40-digit commit sha or \"main\"");

export const catalogQuantSchema = z.object({
    quant: quantSchema,
    /** File name inside the repository (no folders: the downloader joins it to the models folder). */
    file: z.string().regex(/^[^/\\]+\.gguf$/, "must be a .gguf file name without folders"),
    sizeBytes: z.number().int().positive(),
    /** False when only a rounded size was found (the file page shows "2.48 GB"). */
    sizeExact: z.boolean(),
    /** The repository's LFS object id; null when it could not be confirmed. */
    sha256: sha256Schema.nullable(),
    /** The commit this file was observed at, when it differs from the entry's revision. */
    revision: revisionSchema.optional()
});

export const architectureSchema = z.object({
    layers: z.number().int().positive(),
    kvHeads: z.number().int().positive(),
    headDim: z.number().int().positive(),
    hiddenSize: z.number().int().positive()
});

export const catalogEntrySchema = z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "must be lowercase letters, digits, dots and dashes"),
    kind: z.enum(["chat", "embedding", "reranker"]),
    family: z.string().min(1),
    displayName: z.string().min(1),
    repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, "must be owner/name"),
    revision: revisionSchema,
    parameterCount: z.number().int().positive(),
    /** The context length the model was trained for, in tokens. */
    contextLength: z.number().int().positive(),
    embeddingDimension: z.number().int().positive().optional(),
    /** Shapes needed to estimate the KV cache when no GGUF header is at hand. */
    architecture: architectureSchema.optional(),
    license: z.string().min(1),
    languages: z.array(z.string().min(1)).min(1),
    /** Text an embedding model expects before a query or a document. */
    prompts: z.object({ query: z.string().optional(), document: z.string().optional() }).optional(),
    quants: z.array(catalogQuantSchema).min(1),
    /** Fact key (e.g. "quants.Q4_K_M.sha256") -> the source that confirmed it. */
    verified: z.record(z.string(), z.string().min(1)),
    /** Fact keys not confirmed, each optionally followed by a note in parentheses. */
    unverified: z.array(z.string().min(1)),
    notes: z.string().optional()
}).superRefine((entry, ctx) => {
    if (entry.kind === "embedding" && entry.embeddingDimension === undefined)
        ctx.addIssue({ code: "custom", path: ["embeddingDimension"], message: "an embedding model needs its dimension" });
    const seen = new Set<string>();
    entry.quants.forEach((quant, index) => {
        if (seen.has(quant.quant))
            ctx.addIssue({ code: "custom", path: ["quants", index, "quant"], message: `${quant.quant} is listed twice` });
        seen.add(quant.quant);
    });
});

export const catalogSchema = z.object({
    schemaVersion: z.literal(1),
    updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    about: z.string(),
    models: z.array(catalogEntrySchema).min(1)
}).superRefine((catalog, ctx) => {
    const ids = new Set<string>();
    catalog.models.forEach((entry, index) => {
        if (ids.has(entry.id))
            ctx.addIssue({ code: "custom", path: ["models", index, "id"], message: `id "${entry.id}" is used twice` });
        ids.add(entry.id);
    });
});

export type Quant = z.infer<typeof quantSchema>;
export type CatalogQuant = z.infer<typeof catalogQuantSchema>;
export type CatalogArchitecture = z.infer<typeof architectureSchema>;
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export type Catalog = z.infer<typeof catalogSchema>;
export type ModelKind = CatalogEntry["kind"];
