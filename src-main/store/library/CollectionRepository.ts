import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Database } from "better-sqlite3";
import type { Collection } from "./types.js";

type CollectionRow = { id: string; name: string; created_at: number; document_count: number };

const toCollection = (row: CollectionRow): Collection => ({
    id: row.id, name: row.name, createdAt: row.created_at, documentCount: row.document_count
});

// Files are counted, as the library lists them: a mailbox is one, however many messages it holds.
const selectCollections = `
    SELECT c.id, c.name, c.created_at, (SELECT COUNT(*) FROM documents d WHERE d.collection_id = c.id AND d.parent_id IS NULL) AS document_count
    FROM collections c`;

/** Named collections and the folders that belong to them (files found in a folder join its collection). */
export class CollectionRepository {
    readonly #statements;

    constructor(db: Database) {
        this.#statements = {
            list: db.prepare<[], CollectionRow>(`${selectCollections} ORDER BY c.name COLLATE NOCASE`),
            get: db.prepare<[string], CollectionRow>(`${selectCollections} WHERE c.id = ?`),
            byName: db.prepare<[string], CollectionRow>(`${selectCollections} WHERE c.name = ? COLLATE NOCASE`),
            insert: db.prepare("INSERT INTO collections (id, name, created_at) VALUES (?, ?, ?)"),
            rename: db.prepare("UPDATE collections SET name = ? WHERE id = ?"),
            delete: db.prepare("DELETE FROM collections WHERE id = ?"),
            setFolder: db.prepare(`
                INSERT INTO collection_folders (folder, collection_id) VALUES (?, ?)
                ON CONFLICT(folder) DO UPDATE SET collection_id = excluded.collection_id`),
            clearFolder: db.prepare("DELETE FROM collection_folders WHERE folder = ?"),
            folders: db.prepare<[], { folder: string; collection_id: string }>("SELECT folder, collection_id FROM collection_folders")
        };
    }

    list(): Collection[] {
        return this.#statements.list.all().map(toCollection);
    }

    get(collectionId: string): Collection | undefined {
        const row = this.#statements.get.get(collectionId);
        return row && toCollection(row);
    }

    byName(name: string): Collection | undefined {
        const row = this.#statements.byName.get(name.trim());
        return row && toCollection(row);
    }

    create(name: string): string {
        const id = randomUUID();
        this.#statements.insert.run(id, name.trim(), Date.now());
        return id;
    }

    rename(collectionId: string, name: string): boolean {
        return this.#statements.rename.run(name.trim(), collectionId).changes > 0;
    }

    delete(collectionId: string): boolean {
        return this.#statements.delete.run(collectionId).changes > 0;
    }

    /** `collectionId` null: the folder belongs to no collection any more. */
    setFolder(folder: string, collectionId: string | null): void {
        if (collectionId === null) this.#statements.clearFolder.run(folder);
        else this.#statements.setFolder.run(folder, collectionId);
    }

    /** The collection of the innermost collection folder holding `filePath`, if any. */
    forPath(filePath: string): string | undefined {
        let best: { folder: string; collection_id: string } | undefined;
        for (const row of this.#statements.folders.all())
            if (filePath.startsWith(row.folder + path.sep) && (best === undefined || row.folder.length > best.folder.length)) best = row;
        return best?.collection_id;
    }
}
