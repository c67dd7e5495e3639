import type { ErrorKind } from "../../src-main/common/contract/result.js";

const typedKinds = new Set<ErrorKind>([
    "invalid-input", "not-found", "busy", "unsupported", "bad-model-file", "model-too-large", "no-model-loaded", "cancelled", "network", "disk-full", "forbidden"
]);

/**
 * What is wrong with an answer, or null when it is a result or a typed error: `{ok: true, value}`, or
 * `{ok: false, error: {kind, message}}` with a kind the UI acts on and a message a person can read. An
 * "internal" error is an exception no code expected: a failure to fix.
 */
export function answerProblem(answer: unknown): string | null {
    if (typeof answer !== "object" || answer === null) return `not a result: ${describe(answer)}`;
    const { ok, error } = answer as { ok?: unknown; error?: unknown };
    if (ok === true) return null;
    if (ok !== false) return `no ok field: ${describe(answer)}`;
    if (typeof error !== "object" || error === null) return `a failure without an error: ${describe(answer)}`;
    const { kind, message } = error as { kind?: unknown; message?: unknown };
    if (typeof message !== "string" || message.trim() === "") return `an error without a message: ${describe(error)}`;
    if (kind === "internal") return `an untyped (internal) error: ${message.slice(0, 300)}`;
    if (typeof kind !== "string" || !typedKinds.has(kind as ErrorKind)) return `an error of unknown kind ${describe(kind)}: ${message.slice(0, 300)}`;
    return null;
}

export function describe(value: unknown, max = 300): string {
    let text: string;
    try {
        text = JSON.stringify(value, (_key, field: unknown) => (typeof field === "bigint" ? `${field}n` : field)) ?? String(value);
    } catch {
        text = String(value);
    }
    return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}
