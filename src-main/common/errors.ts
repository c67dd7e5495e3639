import type { ErrorInfo, ErrorKind } from "./contract/result.js";

/** Base of the errors a person may see: each carries a kind the UI can act on and a readable message. */
export class LocusError extends Error {
    constructor(readonly kind: ErrorKind, message: string) {
        super(message);
        this.name = new.target.name;
    }
}

export class InvalidInputError extends LocusError {
    constructor(message: string) { super("invalid-input", message); }
}

export class NotFoundError extends LocusError {
    constructor(message: string) { super("not-found", message); }
}

export class BusyError extends LocusError {
    constructor(message: string) { super("busy", message); }
}

export class UnsupportedError extends LocusError {
    constructor(message: string) { super("unsupported", message); }
}

export class BadModelFileError extends LocusError {
    constructor(message: string) { super("bad-model-file", message); }
}

export class ModelTooLargeError extends LocusError {
    constructor(message: string) { super("model-too-large", message); }
}

export class NoModelLoadedError extends LocusError {
    constructor() { super("no-model-loaded", "No model is loaded. Add a GGUF model file and load it first."); }
}

/** Turns anything thrown into data that can cross a process boundary. Unknown errors keep their message. */
export function toErrorInfo(error: unknown): ErrorInfo {
    if (error instanceof LocusError) return { kind: error.kind, message: error.message, name: error.name };
    if (error instanceof Error) return { kind: "internal", message: error.message, name: error.name };
    return { kind: "internal", message: String(error) };
}
