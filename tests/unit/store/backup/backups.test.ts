import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ChatRepository } from "../../../../src-main/store/ChatRepository.js";
import { BackupService, dayMs } from "../../../../src-main/store/backup/BackupService.js";
import { BackupStore } from "../../../../src-main/store/backup/BackupStore.js";
import { DatabaseDamagedError } from "../../../../src-main/store/backup/DatabaseDamagedError.js";
import { openLocusDatabase } from "../../../../src-main/store/backup/openLocusDatabase.js";
import { migrate } from "../../../../src-main/store/migrate.js";
import { migrations } from "../../../../src-main/store/migrations/index.js";
import { openConnection } from "../../../../src-main/store/openConnection.js";

const dirs: string[] = [];
function tempDataDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-backup-"));
    dirs.push(dir);
    return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** The chat titles stored in a database file, read without Locus's own opener. */
function titlesIn(file: string): string[] {
    const db = new BetterSqlite3(file, { readonly: true });
    try {
        return (db.prepare("SELECT title FROM chats ORDER BY title").all() as { title: string }[]).map((row) => row.title);
    } finally {
        db.close();
    }
}

/** A library with one chat, closed again. */
async function libraryWithChat(dataDir: string, title: string): Promise<void> {
    const { db } = await openLocusDatabase({ dataDir });
    new ChatRepository(db).create(title);
    db.close();
}

describe("backups of the library database", () => {
    it("copies the open library with SQLite's online backup into one self-contained file that passes SQLite's check", async () => {
        const dataDir = tempDataDir();
        const { db, backups } = await openLocusDatabase({ dataDir });
        new ChatRepository(db).create("Before the backup");
        const backup = await new BackupService(backups, db).backUpNow();
        new ChatRepository(db).create("After the backup");

        expect(backup).toMatchObject({ reason: "manual", id: expect.stringMatching(/^\d{8}T\d{9}Z-manual$/) });
        const file = backups.file(backup.id);
        expect(path.dirname(file)).toBe(path.join(dataDir, "backups"));
        expect(titlesIn(file)).toEqual(["Before the backup"]);
        expect(fs.existsSync(`${file}-wal`)).toBe(false);
        expect(backups.latestGood()?.id).toBe(backup.id);
        db.close();
    });

    it("keeps the newest five backups, never deleting one protected for a restore", async () => {
        const dataDir = tempDataDir();
        let now = Date.UTC(2026, 0, 1);
        const { db } = await openLocusDatabase({ dataDir });
        const store = new BackupStore({ dir: path.join(dataDir, "backups"), now: () => (now += 60_000) });
        const made = [];
        for (let i = 0; i < 7; i++) made.push(await store.create(db, "daily"));
        expect(store.list().map((backup) => backup.id)).toEqual(made.slice(2).reverse().map((backup) => backup.id));

        const oldest = store.list().at(-1)!;
        await store.create(db, "before-restore", new Set([oldest.id]));
        const kept = store.list().map((backup) => backup.id);
        expect(kept).toHaveLength(5);
        expect(kept).toContain(oldest.id);
        db.close();
    });

    it("drops a backup a crash cut short instead of listing it", async () => {
        const dataDir = tempDataDir();
        const { db, backups } = await openLocusDatabase({ dataDir });
        fs.mkdirSync(backups.dir, { recursive: true });
        fs.writeFileSync(path.join(backups.dir, "20260101T000000000Z-daily.sqlite.partial"), "half a page");
        expect(backups.list()).toEqual([]);
        await backups.create(db, "manual");
        expect(fs.readdirSync(backups.dir).filter((name) => name.endsWith(".partial"))).toEqual([]);
        db.close();
    });

    it("backs up a library before a migration changes its schema, as it was before", async () => {
        const dataDir = tempDataDir();
        const old = openConnection(path.join(dataDir, "locus.sqlite"));
        migrate(old, migrations.slice(0, migrations.length - 1));
        // Written with the oldest schema's columns: today's repositories may need columns the last migration adds.
        old.prepare("INSERT INTO chats (id, title, created_at, updated_at) VALUES ('c1', 'From the older version', 1, 1)").run();
        old.close();

        const { db, backups } = await openLocusDatabase({ dataDir });
        const [backup] = backups.list();
        expect(backup?.reason).toBe("migration");
        const copy = new BetterSqlite3(backups.file(backup!.id), { readonly: true });
        expect(copy.pragma("user_version", { simple: true })).toBe(migrations.length - 1);
        copy.close();
        expect(titlesIn(backups.file(backup!.id))).toEqual(["From the older version"]);
        expect(db.pragma("user_version", { simple: true })).toBe(migrations.length);
        db.close();

        // Already migrated: the next start makes no backup.
        const again = await openLocusDatabase({ dataDir });
        expect(again.backups.list()).toHaveLength(1);
        again.db.close();
    });

    it("makes a daily backup when the last one is a day old, and none before", async () => {
        const dataDir = tempDataDir();
        let now = Date.UTC(2026, 0, 1);
        const { db } = await openLocusDatabase({ dataDir });
        const store = new BackupStore({ dir: path.join(dataDir, "backups"), now: () => now });
        const service = new BackupService(store, db, { now: () => now });
        service.start();
        await service.dispose();
        expect(store.list().map((backup) => backup.reason)).toEqual(["daily"]);

        now += dayMs - 1000;
        const sooner = new BackupService(store, db, { now: () => now });
        sooner.start();
        await sooner.dispose();
        expect(store.list()).toHaveLength(1);

        now += 2000;
        const later = new BackupService(store, db, { now: () => now });
        later.start();
        await later.dispose();
        expect(store.list().map((backup) => backup.reason)).toEqual(["daily", "daily"]);
        db.close();
    });
});

describe("a damaged library at start", () => {
    it("reports a file that is not a database, naming the latest good backup, and leaves the file as it was", async () => {
        const dataDir = tempDataDir();
        await libraryWithChat(dataDir, "Kept in the backup");
        const { db, backups } = await openLocusDatabase({ dataDir });
        const backup = await backups.create(db, "manual");
        db.close();
        const file = path.join(dataDir, "locus.sqlite");
        fs.rmSync(`${file}-wal`, { force: true });
        fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));

        const error = await openLocusDatabase({ dataDir }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(DatabaseDamagedError);
        expect((error as DatabaseDamagedError).latestGood?.id).toBe(backup.id);
        expect((error as DatabaseDamagedError).message).toMatch(/cannot be read: .*not a database.*latest good backup is from/);
        expect(fs.readFileSync(file)).toEqual(Buffer.alloc(8192, 0x5a));
    });

    it("finds damage inside the file with SQLite's page check, not only a broken header", async () => {
        const dataDir = tempDataDir();
        const { db } = await openLocusDatabase({ dataDir });
        const chats = new ChatRepository(db);
        for (let i = 0; i < 400; i++) chats.messages.add(chats.create(`Chat ${i}`).id, "user", "x".repeat(500), "done", null);
        db.pragma("wal_checkpoint(TRUNCATE)");
        db.close();
        const file = path.join(dataDir, "locus.sqlite");
        const bytes = fs.readFileSync(file);
        const pageSize = bytes.readUInt16BE(16);
        // Garbage over a few pages in the middle: the header still says "SQLite format 3".
        const at = pageSize * Math.floor(bytes.length / pageSize / 2);
        bytes.fill(0xa5, at, at + pageSize * 3);
        fs.writeFileSync(file, bytes);

        await expect(openLocusDatabase({ dataDir })).rejects.toThrow(DatabaseDamagedError);
    });

    it("with no backup, says so and how to start with an empty library", async () => {
        const dataDir = tempDataDir();
        fs.writeFileSync(path.join(dataDir, "locus.sqlite"), "this is not SQLite at all, but long enough to look like a file.".repeat(100));
        const error = (await openLocusDatabase({ dataDir }).catch((caught: unknown) => caught)) as DatabaseDamagedError;
        expect(error).toBeInstanceOf(DatabaseDamagedError);
        expect(error.latestGood).toBeNull();
        expect(error.message).toMatch(/There is no backup of it\. To start with an empty library, move that file elsewhere/);
    });

    it("skips a damaged backup when offering the latest good one", async () => {
        const dataDir = tempDataDir();
        let now = Date.UTC(2026, 0, 1);
        const { db } = await openLocusDatabase({ dataDir, now: () => now });
        const store = new BackupStore({ dir: path.join(dataDir, "backups"), now: () => (now += 1000) });
        const good = await store.create(db, "daily");
        const broken = await store.create(db, "daily");
        db.close();
        fs.writeFileSync(store.file(broken.id), "broken");
        expect(store.latestGood()?.id).toBe(good.id);
    });

    it("starts from the latest good backup when asked, keeping the damaged file and its log beside it", async () => {
        const dataDir = tempDataDir();
        await libraryWithChat(dataDir, "Saved before the damage");
        const first = await openLocusDatabase({ dataDir });
        await first.backups.create(first.db, "manual");
        first.db.close();
        const file = path.join(dataDir, "locus.sqlite");
        fs.writeFileSync(file, Buffer.alloc(4096, 1));

        const { db, restored } = await openLocusDatabase({ dataDir, restoreBackup: "latest" });
        expect(new ChatRepository(db).list().map((chat) => chat.title)).toEqual(["Saved before the damage"]);
        expect(restored?.replacedFile).toMatch(/locus\.sqlite\.replaced-\d{8}T\d{9}Z$/);
        expect(fs.readFileSync(restored!.replacedFile!)).toEqual(Buffer.alloc(4096, 1));
        db.close();
    });
});

describe("restoring a backup from Settings", () => {
    it("stages the restore after backing up the library as it is, and the next start replaces the library with it", async () => {
        const dataDir = tempDataDir();
        const { db, backups } = await openLocusDatabase({ dataDir });
        const chats = new ChatRepository(db);
        chats.create("Old chat");
        const service = new BackupService(backups, db);
        const backup = await service.backUpNow();
        chats.create("Chat made after the backup");

        const outcome = await service.restore(backup.id);
        expect(outcome).toEqual({ restart: "manual", backup });
        // Nothing is swapped under running work: the open library is unchanged until the restart.
        expect(chats.list().map((chat) => chat.title).sort()).toEqual(["Chat made after the backup", "Old chat"]);
        const undo = backups.list().find((entry) => entry.reason === "before-restore");
        expect(undo).toBeDefined();
        await service.dispose();
        db.close();

        const reopened = await openLocusDatabase({ dataDir });
        expect(reopened.restored?.backupId).toBe(backup.id);
        expect(new ChatRepository(reopened.db).list().map((chat) => chat.title)).toEqual(["Old chat"]);
        // The library as it was before the restore can itself be restored.
        expect(titlesIn(reopened.backups.file(undo!.id))).toEqual(["Chat made after the backup", "Old chat"]);
        reopened.db.close();

        // Done once: a later start does not restore again.
        const later = await openLocusDatabase({ dataDir });
        expect(later.restored).toBeNull();
        later.db.close();
    });

    it("asks the host to restart when it can, after answering", async () => {
        const dataDir = tempDataDir();
        const { db, backups } = await openLocusDatabase({ dataDir });
        let restarted = 0;
        const service = new BackupService(backups, db, { restart: () => restarted++ });
        const backup = await service.backUpNow();
        expect((await service.restore(backup.id)).restart).toBe("now");
        expect(restarted).toBe(0);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(restarted).toBe(1);
        await service.dispose();
        db.close();
    });

    it("refuses a backup that is not listed or fails SQLite's check, and stages nothing", async () => {
        const dataDir = tempDataDir();
        const { db, backups } = await openLocusDatabase({ dataDir });
        const service = new BackupService(backups, db);
        await expect(service.restore("20260101T000000000Z-daily")).rejects.toMatchObject({ kind: "not-found" });
        const backup = await service.backUpNow();
        fs.writeFileSync(backups.file(backup.id), "not a database");
        await expect(service.restore(backup.id)).rejects.toMatchObject({ kind: "invalid-input", message: expect.stringMatching(/cannot be restored/) });
        expect(fs.existsSync(path.join(backups.dir, "restore.json"))).toBe(false);
        await service.dispose();
        db.close();
    });
});
