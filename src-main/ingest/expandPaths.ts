import fs from "node:fs/promises";
import path from "node:path";
import { isHiddenName, isIndexableFileName, isTempName, type FolderFileOptions } from "./fileFilters.js";
import { TooManyFilesError } from "./TooManyFilesError.js";

/** A file to queue, with the facts that decide whether it changed. */
export type FoundFile = { path: string; sizeBytes: number; mtimeMs: number };

export type Expansion = {
    files: FoundFile[];
    /** Files inside folders skipped for their type. */
    skippedUnsupported: number;
    folders: string[];
    /** Given paths that do not exist, and folders that could not be read. */
    notFound: string[];
};

export type ExpandOptions = {
    /** Most files one call may return; past it the whole call fails (someone added their home folder). */
    maxFiles?: number;
} & FolderFileOptions;

export const defaultMaxFiles = 100_000;

/**
 * Turns the paths a person added into the files to queue. A file given explicitly is kept whatever
 * its type (the parser then says why it cannot be read); inside folders, walked recursively, only
 * supported types count, and hidden or temporary files and folders are passed over. Symbolic links
 * are followed, but each folder and file is visited once, so a link loop ends.
 */
export async function expandPaths(paths: readonly string[], options: ExpandOptions = {}): Promise<Expansion> {
    const maxFiles = options.maxFiles ?? defaultMaxFiles;
    const result: Expansion = { files: [], skippedUnsupported: 0, folders: [], notFound: [] };
    const seenFiles = new Set<string>();
    const seenFolders = new Set<string>();

    const addFile = async (filePath: string, stat: { size: number; mtimeMs: number }): Promise<void> => {
        const real = await fs.realpath(filePath).catch(() => filePath);
        if (seenFiles.has(real)) return;
        seenFiles.add(real);
        if (result.files.length >= maxFiles) throw new TooManyFilesError(paths, maxFiles);
        result.files.push({ path: filePath, sizeBytes: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) });
    };

    const walk = async (folder: string): Promise<void> => {
        const real = await fs.realpath(folder).catch(() => undefined);
        if (real === undefined || seenFolders.has(real)) return;
        seenFolders.add(real);
        let entries;
        try {
            entries = await fs.readdir(folder, { withFileTypes: true });
        } catch {
            result.notFound.push(folder);
            return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            if (isHiddenName(entry.name) || isTempName(entry.name)) continue;
            const entryPath = path.join(folder, entry.name);
            // Links are resolved with stat; a dangling one is passed over.
            const stat = entry.isSymbolicLink() ? await fs.stat(entryPath).catch(() => undefined) : undefined;
            if (entry.isDirectory() || stat?.isDirectory()) {
                await walk(entryPath);
            } else if (entry.isFile() || stat?.isFile()) {
                if (!isIndexableFileName(entryPath, options)) {
                    result.skippedUnsupported++;
                    continue;
                }
                // Gone since the folder was listed: nothing to queue.
                const fileStat = stat ?? await fs.stat(entryPath).catch(() => undefined);
                if (fileStat !== undefined) await addFile(entryPath, fileStat);
            }
        }
    };

    for (const given of paths) {
        const absolute = path.resolve(given);
        const stat = await fs.stat(absolute).catch(() => undefined);
        if (stat === undefined) result.notFound.push(given);
        else if (stat.isDirectory()) {
            result.folders.push(absolute);
            await walk(absolute);
        } else if (stat.isFile()) await addFile(absolute, stat);
        else result.notFound.push(given);
    }
    return result;
}
