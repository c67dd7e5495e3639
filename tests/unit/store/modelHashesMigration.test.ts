import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "../../../src-main/store/migrate.js";
import { migrations } from "../../../src-main/store/migrations/index.js";
import { ModelRepository } from "../../../src-main/store/ModelRepository.js";

const model = { path: "/m/a.gguf", fileName: "a.gguf", displayName: "A", architecture: "llama", sizeBytes: 10, role: "chat" as const };
const hash = "0123456789abcdef".repeat(4);

describe("migration 9: model hashes", () => {
    it("keeps models added before it, without a hash", () => {
        const db = new BetterSqlite3(":memory:");
        migrate(db, migrations.filter((m) => m.version < 9));
        db.prepare(`INSERT INTO models (id, path, file_name, display_name, architecture, size_bytes, added_at, role)
            VALUES ('old', '/m/old.gguf', 'old.gguf', 'Old', 'llama', 1, 1, 'chat')`).run();
        migrate(db, migrations);
        const [old] = new ModelRepository(db).list();
        expect(old?.id).toBe("old");
        expect(old).not.toHaveProperty("sha256");
        expect(old).not.toHaveProperty("sha256Source");
    });

    it("accepts only 64 lowercase hex digits and a known source", () => {
        const db = new BetterSqlite3(":memory:");
        migrate(db, migrations);
        const insert = db.prepare(`INSERT INTO models (id, path, file_name, display_name, architecture, size_bytes, added_at, role, sha256, sha256_source)
            VALUES (?, ?, 'f', 'F', 'llama', 1, 1, 'chat', ?, ?)`);
        insert.run("ok", "/ok", hash, "computed");
        expect(() => insert.run("short", "/short", "abc", "computed")).toThrow(/CHECK/);
        expect(() => insert.run("upper", "/upper", hash.toUpperCase(), "computed")).toThrow(/CHECK/);
        expect(() => insert.run("nonhex", "/nonhex", `${hash.slice(0, 63)}g`, "computed")).toThrow(/CHECK/);
        expect(() => insert.run("source", "/source", hash, "guessed")).toThrow(/CHECK/);
    });

    it("ModelRepository stores a hash with its source and replaces both when the same path is added again", () => {
        const db = new BetterSqlite3(":memory:");
        migrate(db, migrations);
        const models = new ModelRepository(db);
        const first = models.add({ ...model, sha256: hash, sha256Source: "hub" });
        expect(models.get(first.id)).toMatchObject({ sha256: hash, sha256Source: "hub" });
        const other = "f".repeat(64);
        const again = models.add({ ...model, sha256: other, sha256Source: "computed" });
        expect(again.id).toBe(first.id);
        expect(models.get(first.id)).toMatchObject({ sha256: other, sha256Source: "computed" });
    });
});
