import type { IdPool } from "./IdPool.js";
import type { Random } from "./Random.js";
import { hostileStrings } from "./hostileValues.js";

/** The part of JSON Schema (as zod writes it) the contract's inputs use. */
export type JsonSchema = {
    type?: string; properties?: Record<string, JsonSchema>; required?: string[]; additionalProperties?: boolean;
    items?: JsonSchema; minItems?: number; maxItems?: number; enum?: unknown[]; anyOf?: JsonSchema[];
    minLength?: number; maxLength?: number; pattern?: string; minimum?: number; maximum?: number;
    exclusiveMinimum?: number; exclusiveMaximum?: number;
};

export type FuzzContext = {
    random: Random;
    ids: IdPool;
    /** Paths a call may name: the fuzz corpus, missing files, devices; never a folder outside the sandbox. */
    paths: readonly string[];
    catalogIds: readonly string[];
};

const words = ["harbour", "teal", "refund", "policy", "winter", "grey", "days", "fourteen", "desk", "nine", "Locus", "ask", "the", "of"];

/** A value the schema accepts (mostly: ids may name objects that no longer exist, which is the point). */
export function generateValid(schema: JsonSchema, name: string, context: FuzzContext): unknown {
    const { random } = context;
    if (schema.anyOf) return generateValid(random.pick(schema.anyOf), name, context);
    if (schema.enum) return random.pick(schema.enum);
    switch (schema.type) {
        case "object": {
            const result: Record<string, unknown> = {};
            for (const [key, property] of Object.entries(schema.properties ?? {}))
                if (schema.required?.includes(key) || random.chance(0.5)) result[key] = generateValid(property, key, context);
            return result;
        }
        case "array": {
            const min = schema.minItems ?? 0;
            const max = Math.min(schema.maxItems ?? 5, min + 4);
            const singular = name.endsWith("s") ? name.slice(0, -1) : name;
            return Array.from({ length: random.int(min, max) }, () => generateValid(schema.items ?? {}, singular, context));
        }
        case "integer":
        case "number": {
            const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
            const max = Math.min(schema.maximum ?? min + 1000, min + (random.chance(0.8) ? 10 : 100_000));
            const value = random.chance(0.3) ? random.pick([min, max]) : random.int(min, max);
            return schema.type === "number" && random.chance(0.3) ? Math.min(max, value + 0.25) : value;
        }
        case "boolean":
            return random.chance(0.5);
        case "string":
            return validString(schema, name, context);
        default:
            return null;
    }
}

function validString(schema: JsonSchema, name: string, context: FuzzContext): string {
    const { random, ids } = context;
    if (name === "path") return random.pick(context.paths);
    if (name === "catalogId") return random.chance(0.8) && context.catalogIds.length > 0 ? random.pick(context.catalogIds) : "no-such-model";
    if (name === "quant") return random.pick(["Q4_K_M", "Q8_0", "Q4_0", "F16", "Q2_K", "IQ1"]);
    if (schema.pattern === "^[A-Za-z0-9_-]+$") {
        const own = ids.of(name.endsWith("Id") ? name : `${name}Id`);
        if (own.length > 0 && random.chance(0.7)) return random.pick(own);
        const any = ids.all();
        if (any.length > 0 && random.chance(0.5)) return random.pick(any);
        return random.pick(["x", "0", "missing-id", "a".repeat(schema.maxLength ?? 64), crypto.randomUUID()]);
    }
    const min = Math.max(1, schema.minLength ?? 0);
    const max = schema.maxLength ?? 200;
    let text = random.chance(0.3)
        ? random.pick(hostileStrings)
        : Array.from({ length: random.int(1, 12) }, () => random.pick(words)).join(" ");
    if (text.trim().length < min) text = "harbour".repeat(min);
    return text.slice(0, max);
}
