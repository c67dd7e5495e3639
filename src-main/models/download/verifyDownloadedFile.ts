import fs from "node:fs/promises";
import { ChecksumMismatchError } from "./errors/ChecksumMismatchError.js";
import { TruncatedDownloadError } from "./errors/TruncatedDownloadError.js";
import { hashFile, type HashFileOptions } from "./hashFile.js";

export type ExpectedContent = {
    fileName: string;
    sha256: string;
    /** Checked before hashing when known exactly, so an incomplete file gets the clearer message. */
    sizeBytes: number | null;
};

/**
 * Throws unless the file is exactly the published one. The caller deletes the file on failure: the
 * messages promise that it was.
 */
export async function verifyDownloadedFile(filePath: string, expected: ExpectedContent, options: HashFileOptions = {}): Promise<void> {
    const { size } = await fs.stat(filePath);
    if (expected.sizeBytes != null && size < expected.sizeBytes)
        throw new TruncatedDownloadError(expected.fileName, size, expected.sizeBytes);
    const actual = await hashFile(filePath, options);
    if (actual !== expected.sha256) throw new ChecksumMismatchError(expected.fileName, expected.sha256, actual);
}
