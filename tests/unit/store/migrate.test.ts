import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { DatabaseTooNewError, migrate } from "../../../src-main/store/migrate.js";
import type { Migration } from "../../../src-main/store/Migration.js";
import { migrations } from "../../../src-main/store/migrations/index.js";

describe("migrate", () => {
    it("applies every migration in order and records the version", () => {
        const db = new BetterSqlite3(":memory:");
        const result = migrate(db, migrations);
        expect(result).toEqual({ from: 0, to: migrations.at(-1)!.version });
        expect(db.pragma("user_version", { simple: true })).toBe(migrations.at(-1)!.version);
        expect(migrate(db, migrations)).toEqual({ from: result.to, to: result.to });
    });

    it("numbers migrations consecutively from 1", () => {
        expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    });

    it("rolls back a failing migration so the database stays at the last good version", () => {
        const db = new BetterSqlite3(":memory:");
        const broken: Migration[] = [
            { version: 1, name: "ok", up: (d) => d.exec("CREATE TABLE a (x)") },
            { version: 2, name: "fails halfway", up: (d) => { d.exec("CREATE TABLE b (x)"); throw new Error("boom"); } }
        ];
        expect(() => migrate(db, broken)).toThrow("boom");
        expect(db.pragma("user_version", { simple: true })).toBe(1);
        expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    });

    it("refuses a database written by a newer Locus instead of damaging it", () => {
        const db = new BetterSqlite3(":memory:");
        db.pragma("user_version = 99");
        expect(() => migrate(db, migrations)).toThrow(DatabaseTooNewError);
    });
});
