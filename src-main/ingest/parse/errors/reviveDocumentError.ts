import { WorkerRemoteError } from "../../../workers/WorkerRemoteError.js";
import type { SerializedError } from "../../../workers/workerProtocol.js";
import { CorruptDocumentError } from "./CorruptDocumentError.js";
import { DocumentTooLargeError } from "./DocumentTooLargeError.js";
import { EmptyDocumentError } from "./EmptyDocumentError.js";
import { EncryptedDocumentError } from "./EncryptedDocumentError.js";
import { ImageTooLargeError } from "./ImageTooLargeError.js";
import { ScannedPdfError } from "./ScannedPdfError.js";
import { TooManyPagesError } from "./TooManyPagesError.js";
import { UnreadableDocumentError } from "./UnreadableDocumentError.js";
import { UnsupportedDocumentError } from "./UnsupportedDocumentError.js";
import { ZipBombError } from "./ZipBombError.js";

// Each class takes its own details type; `never` lets one table hold them all.
const documentErrors: Record<string, new (details: never) => Error> = {
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    ImageTooLargeError,
    ScannedPdfError,
    TooManyPagesError,
    UnreadableDocumentError,
    UnsupportedDocumentError,
    ZipBombError
};

/**
 * Rebuilds, in the parent, the named error the parser worker threw, so callers can use
 * `instanceof` and `details`. Anything unknown keeps its name, kind and message.
 */
export function reviveDocumentError(error: SerializedError): Error {
    const ErrorClass = Object.hasOwn(documentErrors, error.name) ? documentErrors[error.name] : undefined;
    if (ErrorClass === undefined || typeof error.details?.["fileName"] !== "string") return new WorkerRemoteError(error);
    // The details were produced by this same class in the worker, so they have its shape.
    return new ErrorClass(error.details as never);
}
