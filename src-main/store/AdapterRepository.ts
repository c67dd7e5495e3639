import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";

/** A document an adapter learned from, as it was named when the adapter was trained. */
export type AdapterDocument = { id: string; name: string };

/** An adapter in the registry. `filePath` stays in main: the renderer gets ids and names. */
export type StoredAdapter = {
    id: string;
    name: string;
    filePath: string;
    baseModelId: string | null;
    baseModelName: string;
    baseModelFingerprint: string;
    documents: AdapterDocument[];
    budgetMinutes: number;
    steps: number;
    tokensTrained: number;
    lossBefore: number | null;
    lossAfter: number | null;
    /** What the losses were measured on: held-out documents, or the training text when there were none. */
    lossOn: "held-out" | "training";
    sizeBytes: number;
    createdAt: number;
    active: boolean;
    scale: number;
};

export type NewAdapter = Omit<StoredAdapter, "id" | "createdAt" | "active" | "scale"> & { createdAt?: number };

type AdapterRow = {
    id: string; name: string; file_path: string; base_model_id: string | null; base_model_name: string;
    base_model_fingerprint: string; documents: string; budget_minutes: number; steps: number; tokens_trained: number;
    loss_before: number | null; loss_after: number | null; loss_on: StoredAdapter["lossOn"]; size_bytes: number; created_at: number; active: number; scale: number;
};

const toAdapter = (row: AdapterRow): StoredAdapter => ({
    id: row.id, name: row.name, filePath: row.file_path, baseModelId: row.base_model_id, baseModelName: row.base_model_name,
    baseModelFingerprint: row.base_model_fingerprint, documents: JSON.parse(row.documents) as AdapterDocument[],
    budgetMinutes: row.budget_minutes, steps: row.steps, tokensTrained: row.tokens_trained, lossBefore: row.loss_before,
    lossAfter: row.loss_after, lossOn: row.loss_on, sizeBytes: row.size_bytes, createdAt: row.created_at, active: row.active === 1, scale: row.scale
});

/** The adapters trained on this computer. At most one is active (a partial unique index enforces it). */
export class AdapterRepository {
    readonly #db: Database;
    readonly #statements;

    constructor(db: Database) {
        this.#db = db;
        this.#statements = {
            list: db.prepare<[], AdapterRow>("SELECT * FROM adapters ORDER BY created_at DESC, rowid DESC"),
            get: db.prepare<[string], AdapterRow>("SELECT * FROM adapters WHERE id = ?"),
            active: db.prepare<[], AdapterRow>("SELECT * FROM adapters WHERE active = 1"),
            insert: db.prepare(`
                INSERT INTO adapters (id, name, file_path, base_model_id, base_model_name, base_model_fingerprint, documents,
                    budget_minutes, steps, tokens_trained, loss_before, loss_after, loss_on, size_bytes, created_at)
                VALUES (@id, @name, @filePath, @baseModelId, @baseModelName, @baseModelFingerprint, @documents,
                    @budgetMinutes, @steps, @tokensTrained, @lossBefore, @lossAfter, @lossOn, @sizeBytes, @createdAt)`),
            clearActive: db.prepare("UPDATE adapters SET active = 0 WHERE active = 1"),
            setActive: db.prepare<[number, string]>("UPDATE adapters SET active = 1, scale = ? WHERE id = ?"),
            setScale: db.prepare<[number, string]>("UPDATE adapters SET scale = ? WHERE id = ?"),
            rename: db.prepare<[string, string]>("UPDATE adapters SET name = ? WHERE id = ?"),
            delete: db.prepare<[string]>("DELETE FROM adapters WHERE id = ?")
        };
    }

    list(): StoredAdapter[] {
        return this.#statements.list.all().map(toAdapter);
    }

    get(adapterId: string): StoredAdapter | undefined {
        const row = this.#statements.get.get(adapterId);
        return row && toAdapter(row);
    }

    active(): StoredAdapter | undefined {
        const row = this.#statements.active.get();
        return row && toAdapter(row);
    }

    add(adapter: NewAdapter): StoredAdapter {
        const id = randomUUID();
        this.#statements.insert.run({
            ...adapter, id, createdAt: adapter.createdAt ?? Date.now(), documents: JSON.stringify(adapter.documents)
        });
        return this.get(id)!;
    }

    /** Makes this adapter the only active one, at `scale`. */
    activate(adapterId: string, scale: number): boolean {
        return this.#db.transaction(() => {
            if (this.#statements.get.get(adapterId) === undefined) return false;
            this.#statements.clearActive.run();
            return this.#statements.setActive.run(scale, adapterId).changes > 0;
        })();
    }

    deactivateAll(): void {
        this.#statements.clearActive.run();
    }

    setScale(adapterId: string, scale: number): boolean {
        return this.#statements.setScale.run(scale, adapterId).changes > 0;
    }

    rename(adapterId: string, name: string): boolean {
        return this.#statements.rename.run(name, adapterId).changes > 0;
    }

    remove(adapterId: string): boolean {
        return this.#statements.delete.run(adapterId).changes > 0;
    }
}
