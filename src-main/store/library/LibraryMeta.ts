import type { Database } from "better-sqlite3";
import type { EmbeddingModelIdentity } from "./types.js";
import { assertEmbeddingDimension } from "./assertEmbeddingDimension.js";

const embeddingModelKey = "embedding_model";

/** Small facts about the library in `library_meta`, as JSON values. */
export class LibraryMeta {
    readonly #statements;

    constructor(db: Database) {
        this.#statements = {
            get: db.prepare<[string], { value: string }>("SELECT value FROM library_meta WHERE key = ?"),
            set: db.prepare(
                "INSERT INTO library_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            )
        };
    }

    embeddingModel(): EmbeddingModelIdentity | undefined {
        const row = this.#statements.get.get(embeddingModelKey);
        if (row === undefined) return undefined;
        const value = JSON.parse(row.value) as Partial<EmbeddingModelIdentity>;
        // A hand-edited or damaged value must not turn into a table name; assert before trusting it.
        assertEmbeddingDimension(value.dimension);
        if (typeof value.id !== "string") return undefined;
        return { id: value.id, dimension: value.dimension };
    }

    setEmbeddingModel(model: EmbeddingModelIdentity): void {
        this.#statements.set.run(embeddingModelKey, JSON.stringify({ id: model.id, dimension: model.dimension }));
    }

    /** The JSON value under `key`, unchecked: the caller validates it, since the file may have been edited. */
    get(key: string): unknown {
        const row = this.#statements.get.get(key);
        return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
    }

    set(key: string, value: unknown): void {
        this.#statements.set.run(key, JSON.stringify(value));
    }
}
