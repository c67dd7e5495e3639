import type { LibraryDocument } from "../store/library/types.js";
import type { FoundFile } from "./expandPaths.js";

/**
 * Whether a file can be skipped because its indexed version is current. A different size means new
 * content, with no need to read it; the same size and modification time mean the same file, as for
 * rsync and make; the same size with another time (a copy, a restore, a `touch`) is settled by the
 * content hash, so only real edits are embedded again.
 */
export async function isUnchanged(
    file: FoundFile, document: LibraryDocument | undefined, libraryModelId: string | undefined,
    hashFile: (filePath: string) => Promise<string>
): Promise<boolean> {
    if (document?.status !== "indexed" || document.embeddingModelId == null || document.embeddingModelId !== libraryModelId) return false;
    if (document.sizeBytes !== file.sizeBytes) return false;
    if (document.mtimeMs === file.mtimeMs) return true;
    if (document.contentHash == null) return false;
    return (await hashFile(file.path).catch(() => undefined)) === document.contentHash;
}
