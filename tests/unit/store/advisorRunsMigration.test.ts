import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { AdvisorRunInfo } from "../../../src-main/common/contract/advisorTypes.js";
import { AdvisorRepository } from "../../../src-main/store/AdvisorRepository.js";
import { migrate } from "../../../src-main/store/migrate.js";
import { migrations } from "../../../src-main/store/migrations/index.js";
import { isStale, librarySnapshot } from "../../../src-main/advisor/librarySnapshot.js";

function info(id: string, startedAt: number): AdvisorRunInfo {
    return {
        id, state: "running", startedAt, endedAt: null, budgetMinutes: 10, phase: "Starting…", progress: 0, documentCount: 3,
        probeCount: { easy: 0, medium: 0, hard: 0 }, configs: [], recommendation: null, notes: [], error: null, stale: true, computeSeconds: 0, applied: false
    };
}

describe("migration 10: Advisor runs", () => {
    it("adds the runs table to a database of the previous version, keeping its data", () => {
        const db = new BetterSqlite3(":memory:");
        migrate(db, migrations.filter((m) => m.version < 10));
        db.prepare("INSERT INTO chats (id, title, created_at, updated_at) VALUES ('c', 'Kept', 1, 1)").run();
        migrate(db, migrations);
        expect(db.prepare("SELECT title FROM chats").all()).toEqual([{ title: "Kept" }]);
        expect(new AdvisorRepository(db).list()).toEqual([]);
    });

    it("keeps runs newest first with their files apart from what the renderer sees, and never stores staleness", () => {
        const db = new BetterSqlite3(":memory:");
        migrate(db, migrations);
        const repository = new AdvisorRepository(db);
        repository.save({ info: info("a", 1), workDir: "/w/a", librarySnapshot: ["d1:abc"], files: { k: { modelPath: "/m.gguf", adapterPath: null } } });
        repository.save({ info: info("b", 2), workDir: "/w/b", librarySnapshot: [], files: {} });
        repository.save({ info: { ...info("a", 1), state: "done", endedAt: 5 }, workDir: "/w/a", librarySnapshot: ["d1:abc"], files: {} });
        const runs = repository.list();
        expect(runs.map((r) => [r.info.id, r.info.state])).toEqual([["b", "running"], ["a", "done"]]);
        expect(runs[1]!.info.stale).toBe(false);
        expect(repository.get("a")?.workDir).toBe("/w/a");
        expect(() => db.prepare("INSERT INTO advisor_runs (id, state, started_at, work_dir, library_snapshot, info) VALUES ('x', 'odd', 1, '/', '[]', '{}')").run()).toThrow(/CHECK/);
        expect(repository.remove("a")).toBe(true);
        expect(repository.list()).toHaveLength(1);
    });
});

describe("librarySnapshot and isStale", () => {
    it("marks a run stale when more than a fifth of the documents were added, removed or changed", () => {
        const docs = Array.from({ length: 10 }, (_, i) => ({ id: `d${String(i)}`, contentHash: `h${String(i)}` }));
        const then = librarySnapshot(docs);
        expect(isStale(then, librarySnapshot(docs))).toBe(false);
        expect(isStale(then, librarySnapshot([...docs, { id: "new", contentHash: "n" }]))).toBe(false);
        expect(isStale(then, librarySnapshot(docs.slice(3)))).toBe(true);
        expect(isStale(then, librarySnapshot(docs.map((d, i) => (i < 3 ? { ...d, contentHash: "changed" } : d))))).toBe(true);
    });
});
