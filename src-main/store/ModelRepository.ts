import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { ModelInfo } from "@common/contract/types.js";

type ModelRow = {
    id: string; path: string; file_name: string; display_name: string; architecture: string;
    size_bytes: number; parameter_count_label: string | null; added_at: number; role: ModelInfo["role"];
    sha256: string | null; sha256_source: ModelInfo["sha256Source"] | null;
};

export type StoredModel = ModelInfo & { path: string };

const toModel = (row: ModelRow): StoredModel => ({
    id: row.id, path: row.path, fileName: row.file_name, displayName: row.display_name,
    architecture: row.architecture, sizeBytes: row.size_bytes, addedAt: row.added_at, role: row.role,
    ...(row.parameter_count_label == null ? {} : { parameterCountLabel: row.parameter_count_label }),
    ...(row.sha256 == null || row.sha256_source == null ? {} : { sha256: row.sha256, sha256Source: row.sha256_source })
});

/** Model files the person added. Paths stay here in main; the renderer only sees ids and file names. */
export class ModelRepository {
    readonly #statements;

    constructor(db: Database) {
        this.#statements = {
            list: db.prepare<[], ModelRow>("SELECT * FROM models ORDER BY added_at DESC, rowid DESC"),
            get: db.prepare<[string], ModelRow>("SELECT * FROM models WHERE id = ?"),
            byPath: db.prepare<[string], ModelRow>("SELECT * FROM models WHERE path = ?"),
            upsert: db.prepare(`
                INSERT INTO models (id, path, file_name, display_name, architecture, size_bytes, parameter_count_label, added_at, role,
                    sha256, sha256_source)
                VALUES (@id, @path, @fileName, @displayName, @architecture, @sizeBytes, @parameterCountLabel, @addedAt, @role,
                    @sha256, @sha256Source)
                ON CONFLICT(path) DO UPDATE SET display_name = excluded.display_name, architecture = excluded.architecture,
                    size_bytes = excluded.size_bytes, parameter_count_label = excluded.parameter_count_label, role = excluded.role,
                    sha256 = excluded.sha256, sha256_source = excluded.sha256_source`),
            delete: db.prepare("DELETE FROM models WHERE id = ?")
        };
    }

    list(): StoredModel[] {
        return this.#statements.list.all().map(toModel);
    }

    get(modelId: string): StoredModel | undefined {
        const row = this.#statements.get.get(modelId);
        return row && toModel(row);
    }

    /** Adds a model file, or refreshes what we know of it when the same path is added again. */
    add(model: Omit<StoredModel, "id" | "addedAt">): StoredModel {
        const existing = this.#statements.byPath.get(model.path);
        const row = {
            id: existing?.id ?? randomUUID(),
            addedAt: existing?.added_at ?? Date.now(),
            ...model,
            parameterCountLabel: model.parameterCountLabel ?? null,
            sha256: model.sha256 ?? null,
            sha256Source: model.sha256 == null ? null : model.sha256Source ?? "computed"
        };
        this.#statements.upsert.run(row);
        return toModel(this.#statements.get.get(row.id)!);
    }

    remove(modelId: string): boolean {
        return this.#statements.delete.run(modelId).changes > 0;
    }
}
