import fs from "node:fs/promises";
import path from "node:path";
import { watch, type FSWatcher } from "chokidar";
import type { LibraryReader } from "../../store/library/LibraryReader.js";
import type { IngestService } from "../IngestService.js";
import { isWatchedFile, isUnderHiddenOrTemp } from "./watchFilters.js";
import { WatchedFolders, type FolderList } from "./WatchedFolders.js";

type Change = "upsert" | "unlink" | "unlinkDir";

export type FolderWatcherOptions = {
    /** Where the list of watched folders is kept (`library_meta`, through LibraryMeta). */
    meta: FolderList;
    /** Finds the documents of a folder, to remove those deleted while Locus was closed. */
    library: Pick<LibraryReader, "listFiles">;
    ingest: Pick<IngestService, "add" | "remove" | "removePath" | "removeFolder"> & Partial<Pick<IngestService, "picturesInFolders">>;
    /** Changes are gathered this long, then applied together (default 1 s). */
    debounceMs?: number;
    /** A file counts as written once its size has not changed for this long (default 2 s). */
    writeFinishMs?: number;
    onError?: (error: unknown) => void;
};

/**
 * Keeps the library in step with the folders a person added: a new supported file is added, a
 * changed one re-queued (its content hash decides whether it is embedded again), a deleted one
 * removed. Hidden and temporary files are ignored; half-written files wait until their size settles.
 */
export class FolderWatcher {
    readonly #folders: WatchedFolders;
    readonly #pending = new Map<string, Change>();
    #watcher: FSWatcher | null = null;
    #timer: NodeJS.Timeout | undefined;
    #applying: Promise<void> = Promise.resolve();
    #disposed = false;

    constructor(private readonly options: FolderWatcherOptions) {
        this.#folders = new WatchedFolders(options.meta);
    }

    /** Watches the saved folders, and catches up with what changed in them while Locus was closed. */
    async start(): Promise<void> {
        const folders = this.#folders.list();
        if (folders.length === 0) return;
        await this.#watch(folders);
        for (const folder of folders) await this.#catchUp(folder);
    }

    /** Adds a folder to the watched list (saved) and starts watching it; its files are added by the caller's `ingest.add`. */
    async watchFolder(folder: string): Promise<void> {
        const absolute = path.resolve(folder);
        if (!this.#folders.add(absolute)) return;
        await this.#watch([absolute]);
    }

    /** Stops watching a folder; its documents stay in the library. */
    async unwatchFolder(folder: string): Promise<void> {
        const absolute = path.resolve(folder);
        if (this.#folders.remove(absolute)) await this.#watcher?.unwatch(absolute);
    }

    folders(): string[] {
        return this.#folders.list();
    }

    /** Applies the changes gathered so far now, and waits until they are applied (tests, shutdown). */
    async flush(): Promise<void> {
        clearTimeout(this.#timer);
        this.#timer = undefined;
        this.#applying = this.#applying.then(() => this.#apply());
        await this.#applying;
    }

    async dispose(): Promise<void> {
        this.#disposed = true;
        clearTimeout(this.#timer);
        await this.#watcher?.close();
        this.#watcher = null;
        await this.#applying;
    }

    /**
     * Looks through every watched folder again for files to add: after "Read text in pictures found in
     * folders" is switched on, the pictures already there are found.
     */
    async rescan(): Promise<void> {
        for (const folder of this.#folders.list()) await this.#catchUp(folder);
    }

    /** The Setting on pictures, asked at each change, so switching it applies at once. */
    #fileOptions(): { pictures: boolean } {
        return { pictures: this.options.ingest.picturesInFolders?.() ?? false };
    }

    async #watch(folders: string[]): Promise<void> {
        if (this.#watcher !== null) {
            this.#watcher.add(folders);
            return;
        }
        const stabilityThreshold = this.options.writeFinishMs ?? 2_000;
        const watcher = watch(folders, {
            ignoreInitial: true,
            ignored: (filePath, stats) => isUnderHiddenOrTemp(filePath, this.#folders.list()) || (stats?.isFile() === true && !isWatchedFile(filePath, this.#fileOptions())),
            awaitWriteFinish: { stabilityThreshold, pollInterval: Math.min(100, stabilityThreshold) },
            // Editors that save by writing a temporary file and renaming it over the original produce one change.
            atomic: true
        });
        watcher.on("add", (filePath) => this.#record(filePath, "upsert"));
        watcher.on("change", (filePath) => this.#record(filePath, "upsert"));
        watcher.on("unlink", (filePath) => this.#record(filePath, "unlink"));
        watcher.on("unlinkDir", (filePath) => this.#record(filePath, "unlinkDir"));
        watcher.on("error", (error) => this.#fail(error));
        this.#watcher = watcher;
        await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
    }

    #record(filePath: string, change: Change): void {
        if (this.#disposed || (change === "upsert" && !isWatchedFile(filePath, this.#fileOptions()))) return;
        this.#pending.set(path.resolve(filePath), change);
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => void this.flush(), this.options.debounceMs ?? 1_000);
        this.#timer.unref?.();
    }

    async #apply(): Promise<void> {
        const changes = [...this.#pending];
        this.#pending.clear();
        const upserts = changes.filter(([, change]) => change === "upsert").map(([filePath]) => filePath);
        try {
            for (const [filePath, change] of changes) {
                if (change === "unlink") await this.options.ingest.removePath(filePath);
                else if (change === "unlinkDir") await this.options.ingest.removeFolder(filePath);
            }
            if (upserts.length > 0) await this.options.ingest.add(upserts);
        } catch (error) {
            this.#fail(error);
        }
    }

    /** New and changed files are found by `add`; documents whose file is gone are removed here. */
    async #catchUp(folder: string): Promise<void> {
        try {
            await this.options.ingest.add([folder]);
            const prefix = folder + path.sep;
            for (const document of this.options.library.listFiles()) {
                if (!document.sourcePath.startsWith(prefix)) continue;
                const exists = await fs.access(document.sourcePath).then(() => true, () => false);
                if (!exists) await this.options.ingest.remove(document.id);
            }
        } catch (error) {
            this.#fail(error);
        }
    }

    #fail(error: unknown): void {
        if (this.options.onError) this.options.onError(error);
        else console.error("Locus: the folder watcher hit a problem:", error);
    }
}
