import { DocumentError } from "./parse/errors/DocumentError.js";

/** Why a run stopped before a document was indexed; the status reason it gets. */
export const cancelledReason = "Cancelled; re-index to try again.";

const fileErrors: Record<string, (name: string) => string> = {
    ENOENT: (name) => `"${name}" is no longer where it was added; it was moved or deleted. Add it again from its new place.`,
    EACCES: (name) => `Locus is not allowed to read "${name}". Check the file's permissions, then re-index it.`,
    EPERM: (name) => `Locus is not allowed to read "${name}". Check the file's permissions, then re-index it.`,
    EISDIR: (name) => `"${name}" is a folder now, not a file. Add the folder instead.`,
    EBUSY: (name) => `"${name}" is locked by another app. Close it there, then re-index it.`
};

/** Why indexing paused on a full disk; the document waits in the queue, and indexing tries again by itself. */
export function diskFullReason(fileName: string): string {
    return `Indexing paused: the disk is full, so "${fileName}" could not be saved to the library. Everything indexed before is kept, ` +
        "and the documents waiting stay in the queue. Free some space on the disk that holds Locus's data folder; indexing carries on by itself within a minute.";
}

/**
 * The status reason for a document that failed, in words a person can act on. Parser errors and
 * worker timeouts or crashes already say which file and what to do; file-system errors are named
 * here; anything else keeps its message, prefixed with the step and the file.
 */
export function failureReason(error: unknown, fileName: string, step: "reading" | "embedding" | "saving"): string {
    if (error instanceof DocumentError) return error.message;
    if (error instanceof Error && (error.name === "WorkerTimeoutError" || error.name === "WorkerCrashedError")) return error.message;
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === "string" && Object.hasOwn(fileErrors, code)) return fileErrors[code]!(fileName);
    const message = error instanceof Error ? error.message : String(error);
    switch (step) {
        case "reading":
            return `"${fileName}" could not be read: ${message}`;
        case "embedding":
            return `"${fileName}" could not be embedded: ${message}. Check the embedding model in Settings, then re-index it.`;
        case "saving":
            return `"${fileName}" could not be saved to the library: ${message}. Check the free disk space, then re-index it.`;
    }
}
