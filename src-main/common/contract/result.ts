/** Kinds of failure the UI can react to; every error that crosses a boundary carries one. */
export type ErrorKind =
    | "invalid-input"
    | "not-found"
    | "busy"
    | "unsupported"
    | "bad-model-file"
    | "model-too-large"
    | "no-model-loaded"
    | "cancelled"
    | "network"
    | "disk-full"
    | "forbidden"
    | "internal";

export type ErrorInfo = {
    kind: ErrorKind;
    /** A sentence a person can act on: what failed, which file or field, what to do. */
    message: string;
    name?: string;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function ok<T>(value: T): Result<T> {
    return { ok: true, value };
}

export function fail(error: ErrorInfo): Result<never> {
    return { ok: false, error };
}
