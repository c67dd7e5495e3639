// Public surface of document parsing: the client that parses in a worker, its types and its errors.
export { ParserClient, type ParserClientOptions } from "./ParserClient.js";
export { defaultParseLimits, type DocumentFormat, type ParsedDocument, type ParsedSection, type ParseLimits } from "./types.js";
export { DocumentError, type DocumentErrorKind } from "./errors/DocumentError.js";
export { CorruptDocumentError } from "./errors/CorruptDocumentError.js";
export { DocumentTooLargeError } from "./errors/DocumentTooLargeError.js";
export { EmptyDocumentError } from "./errors/EmptyDocumentError.js";
export { EncryptedDocumentError } from "./errors/EncryptedDocumentError.js";
export { ImageTooLargeError } from "./errors/ImageTooLargeError.js";
export { ScannedPdfError } from "./errors/ScannedPdfError.js";
export { TooManyPagesError } from "./errors/TooManyPagesError.js";
export { UnreadableDocumentError } from "./errors/UnreadableDocumentError.js";
export { UnsupportedDocumentError } from "./errors/UnsupportedDocumentError.js";
export { ZipBombError } from "./errors/ZipBombError.js";
