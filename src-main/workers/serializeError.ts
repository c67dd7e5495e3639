import type { SerializedError } from "./workerProtocol.js";

/** Turns anything thrown into the plain shape that crosses a process boundary. */
export function serializeError(error: unknown): SerializedError {
    if (error instanceof Error) {
        const { kind, details } = error as Error & { kind?: unknown; details?: unknown };
        return {
            name: error.name,
            kind: typeof kind === "string" ? kind : "internal",
            message: error.message,
            ...(isPlainRecord(details) ? { details: { ...details } } : {})
        };
    }
    return { name: "Error", kind: "internal", message: String(error) };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
