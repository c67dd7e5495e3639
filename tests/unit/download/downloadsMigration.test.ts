import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "../../../src-main/store/migrate.js";
import { migrations } from "../../../src-main/store/migrations/index.js";

const row = (id: string, state: string) => ({
    id, state, catalog_id: "m", quant: "Q8_0", display_name: "M", repository: "o/r", revision: "main", file_name: "m.gguf",
    total_bytes: 10, expected_sha256: "a".repeat(64), sha256_source: "catalog", size_exact: 1, partial_dir: `/p/${id}`,
    created_at: 1, updated_at: 1
});

describe("migration: model downloads", () => {
    it("allows one unfinished job per catalog file, and any number of finished ones", () => {
        const db = new BetterSqlite3(":memory:");
        migrate(db, migrations);
        const insert = db.prepare(`INSERT INTO downloads (id, state, catalog_id, quant, display_name, repository, revision, file_name,
            total_bytes, expected_sha256, sha256_source, size_exact, partial_dir, created_at, updated_at)
            VALUES (@id, @state, @catalog_id, @quant, @display_name, @repository, @revision, @file_name,
            @total_bytes, @expected_sha256, @sha256_source, @size_exact, @partial_dir, @created_at, @updated_at)`);
        insert.run(row("a", "completed"));
        insert.run(row("b", "failed"));
        insert.run(row("c", "paused"));
        expect(() => insert.run(row("d", "downloading"))).toThrow(/UNIQUE/);
        expect(() => insert.run(row("e", "half-done"))).toThrow(/CHECK/);
        expect(() => insert.run({ ...row("f", "failed"), expected_sha256: "abc" })).toThrow(/CHECK/);
    });
});
