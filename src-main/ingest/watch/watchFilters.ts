import path from "node:path";
import { isHiddenName, isIndexableFileName, isTempName, type FolderFileOptions } from "../fileFilters.js";

/** A file the watcher passes on to ingestion: the same rule as for files found in an added folder. */
export function isWatchedFile(filePath: string, options: FolderFileOptions = {}): boolean {
    return isIndexableFileName(filePath, options);
}

/**
 * Whether a path lies in a hidden or temporary file or folder below one of the watched roots. Only
 * the part below the root counts: a watched folder may itself sit inside a hidden one.
 */
export function isUnderHiddenOrTemp(filePath: string, roots: readonly string[]): boolean {
    const absolute = path.resolve(filePath);
    const root = roots.find((candidate) => absolute === candidate || absolute.startsWith(candidate + path.sep));
    if (root === undefined || absolute === root) return false;
    return path.relative(root, absolute).split(path.sep).some((part) => isHiddenName(part) || isTempName(part));
}
