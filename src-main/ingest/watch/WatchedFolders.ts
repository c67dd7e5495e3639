import path from "node:path";

/** Where the list is kept: `LibraryMeta` fits. */
export type FolderList = { get(key: string): unknown; set(key: string, value: unknown): void };

export const watchedFoldersKey = "watched_folders";

/** The folders a person added, kept in `library_meta` so they are watched again at the next start. */
export class WatchedFolders {
    constructor(private readonly meta: FolderList) {}

    list(): string[] {
        const value = this.meta.get(watchedFoldersKey);
        // A damaged or hand-edited value must not make the watcher look at relative or odd paths.
        if (!Array.isArray(value)) return [];
        return value.filter((folder): folder is string => typeof folder === "string" && path.isAbsolute(folder));
    }

    /** Returns false when the folder (or a folder above it) is already watched. */
    add(folder: string): boolean {
        const folders = this.list();
        if (folders.some((known) => folder === known || folder.startsWith(known + path.sep))) return false;
        // A new folder above watched ones replaces them: one watch covers all.
        this.meta.set(watchedFoldersKey, [...folders.filter((known) => !known.startsWith(folder + path.sep)), folder]);
        return true;
    }

    remove(folder: string): boolean {
        const folders = this.list();
        if (!folders.includes(folder)) return false;
        this.meta.set(watchedFoldersKey, folders.filter((known) => known !== folder));
        return true;
    }
}
