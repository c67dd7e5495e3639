import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { DocumentSource } from "../DocumentSource.js";
import { CorruptDocumentError } from "../errors/CorruptDocumentError.js";
import { DocumentError } from "../errors/DocumentError.js";
import { EncryptedDocumentError } from "../errors/EncryptedDocumentError.js";
import { ZipBombError } from "../errors/ZipBombError.js";

/** Text lives in XML parts and their relationships; media and embedded files are never unpacked. */
const xmlPart = /\.(xml|rels)$/i;

export interface ZipPartsOptions {
    /** The format in words, for messages: "Word document", "EPUB e-book". */
    formatName: string;
    /** Which entries to unpack (by name inside the archive); XML parts and relationships by default. */
    wanted?: (entryName: string) => boolean;
}

/**
 * Unpacks the wanted parts of a zip package (DOCX, PPTX, XLSX, OpenDocument, EPUB), counting the bytes
 * actually inflated (a zip can lie about its sizes) and stopping at `maxInflatedBytes`. Returns part
 * name -> content.
 */
export async function readZipParts(source: DocumentSource, bytes: Buffer, options: ZipPartsOptions): Promise<Map<string, Buffer>> {
    const { fileName, limits } = source;
    const { formatName, wanted = (name: string) => xmlPart.test(name) } = options;
    const zip = await openZip(bytes).catch((error: unknown) => {
        throw corrupt(fileName, formatName, error);
    });
    try {
        if (zip.entryCount > limits.maxZipEntries) {
            throw new ZipBombError({ fileName, unit: "entries", limit: limits.maxZipEntries });
        }
        const parts = new Map<string, Buffer>();
        let inflated = 0;
        for (let entry = await nextEntry(zip); entry !== undefined; entry = await nextEntry(zip)) {
            if (entry.fileName.endsWith("/") || !wanted(entry.fileName)) continue;
            if (entry.isEncrypted()) throw new EncryptedDocumentError({ fileName, formatName });
            // The declared size is checked first only to fail fast; the real check is while inflating.
            if (inflated + entry.uncompressedSize > limits.maxInflatedBytes) {
                throw new ZipBombError({ fileName, unit: "bytes", limit: limits.maxInflatedBytes });
            }
            const chunks: Buffer[] = [];
            const stream = await openEntry(zip, entry);
            try {
                for await (const chunk of stream) {
                    const data = chunk as Buffer;
                    inflated += data.length;
                    if (inflated > limits.maxInflatedBytes) {
                        throw new ZipBombError({ fileName, unit: "bytes", limit: limits.maxInflatedBytes });
                    }
                    chunks.push(data);
                }
            } finally {
                stream.destroy();
            }
            parts.set(entry.fileName, Buffer.concat(chunks));
        }
        return parts;
    } catch (error) {
        throw error instanceof DocumentError ? error : corrupt(fileName, formatName, error);
    } finally {
        zip.close();
    }
}

function corrupt(fileName: string, formatName: string, error: unknown): CorruptDocumentError {
    const reason = error instanceof Error ? error.message.slice(0, 200) : "unreadable zip package";
    return new CorruptDocumentError({ fileName, formatName, reason });
}

function openZip(bytes: Buffer): Promise<ZipFile> {
    return new Promise((resolve, reject) => {
        // Sizes are not validated against the declared ones: the bytes are counted while inflating, so a
        // lie below the limit is harmless and one above it is caught as a zip bomb.
        const options = { lazyEntries: true, validateEntrySizes: false, strictFileNames: false };
        yauzl.fromBuffer(bytes, options, (error, zip) => (error ? reject(error) : resolve(zip)));
    });
}

function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
    return new Promise((resolve, reject) => {
        const onEntry = (entry: Entry): void => settle(() => resolve(entry));
        const onEnd = (): void => settle(() => resolve(undefined));
        const onError = (error: Error): void => settle(() => reject(error));
        const settle = (action: () => void): void => {
            zip.off("entry", onEntry).off("end", onEnd).off("error", onError);
            action();
        };
        zip.on("entry", onEntry).on("end", onEnd).on("error", onError);
        zip.readEntry();
    });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
    return new Promise((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
    });
}
