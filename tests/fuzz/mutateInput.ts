import type { FuzzContext, JsonSchema } from "./generateInput.js";
import { hostileNumbers, hostileStrings, otherJsonValues } from "./hostileValues.js";

/** How an input was broken, for the report of a failing call. */
export type Mutation =
    | "none" | "drop-required" | "extra-field" | "wrong-type" | "hostile-string" | "hostile-number" | "other-kind-id"
    | "not-an-object" | "huge-string" | "clone-only-value";

/**
 * Breaks a valid input one way: a field dropped, added, of another type, a hostile string or number, an id
 * of another kind, a huge string, or no object at all. `cloneOnly`: values only Electron's structured clone
 * carries (undefined, NaN, BigInt, Date, Map, typed arrays), for calls made through the IPC handler.
 */
export function mutateInput(valid: Record<string, unknown>, schema: JsonSchema, context: FuzzContext, cloneOnly: boolean): { args: unknown; mutation: Mutation } {
    const { random } = context;
    const keys = Object.keys(schema.properties ?? {});
    const choices: Mutation[] = ["extra-field", "not-an-object", "huge-string", "hostile-string", "hostile-number"];
    if (keys.length > 0) choices.push("wrong-type", "wrong-type", "other-kind-id");
    if ((schema.required ?? []).length > 0) choices.push("drop-required");
    if (cloneOnly) choices.push("clone-only-value", "clone-only-value");
    const mutation = random.pick(choices);
    const args: Record<string, unknown> = { ...valid };
    const key = keys.length > 0 ? random.pick(keys) : "unexpected";
    switch (mutation) {
        case "drop-required":
            delete args[random.pick(schema.required!)];
            return { args, mutation };
        case "extra-field":
            args[random.pick(["extra", "__proto__", "constructor", "sql", "path", "", "id"])] = random.pick(otherJsonValues(1));
            return { args, mutation };
        case "wrong-type":
            args[key] = random.pick(otherJsonValues());
            return { args, mutation };
        case "hostile-string":
            args[key] = random.pick(hostileStrings);
            return { args, mutation };
        case "hostile-number":
            args[key] = random.pick(hostileNumbers);
            return { args, mutation };
        case "other-kind-id": {
            const any = context.ids.all();
            args[key] = any.length > 0 ? random.pick(any) : "00000000-0000-0000-0000-000000000000";
            return { args, mutation };
        }
        case "huge-string":
            args[key] = random.pick(["a", "日", "🦙", "\u0000", " "]).repeat(random.int(100_001, 200_000));
            return { args, mutation };
        case "not-an-object":
            return { args: random.pick(otherJsonValues()), mutation };
        case "clone-only-value":
            args[key] = random.pick<unknown>([undefined, Number.NaN, Number.POSITIVE_INFINITY, -Infinity, 10n, new Date(0), new Map([["a", 1]]), new Set([1]), new Uint8Array(8), /x/]);
            return { args, mutation };
        case "none":
            return { args, mutation };
    }
}
