import type { LibraryDocument } from "../store/library/types.js";
import type { FoundFile } from "./expandPaths.js";
import { cancelledReason } from "./failureReason.js";

/**
 * Whether adding a file again has nothing to do. For an indexed file: a different size means new
 * content, with no need to read it; the same size and modification time mean the same file, as for
 * rsync and make; the same size with another time (a copy, a restore, a `touch`) is settled by the
 * content hash, so only real edits are embedded again. A file that failed is tried again only once it
 * changed (or on an explicit re-index): re-reading a 300-page scan at every start helps no one. A
 * cancelled one is always tried again.
 */
export async function isUnchanged(
    file: FoundFile, document: LibraryDocument | undefined, libraryModelId: string | undefined,
    hashFile: (filePath: string) => Promise<string>
): Promise<boolean> {
    if (document === undefined) return false;
    const sameStat = document.sizeBytes === file.sizeBytes && document.mtimeMs === file.mtimeMs;
    if (document.status === "failed") return sameStat && document.statusReason !== cancelledReason;
    if (document.status !== "indexed" || document.embeddingModelId == null || document.embeddingModelId !== libraryModelId) return false;
    if (document.sizeBytes !== file.sizeBytes) return false;
    if (sameStat) return true;
    if (document.contentHash == null) return false;
    return (await hashFile(file.path).catch(() => undefined)) === document.contentHash;
}
