import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { getLlama, LlamaLogLevel } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Embedder } from "../../src-main/engine/Embedder.js";
import { IngestService } from "../../src-main/ingest/IngestService.js";
import { LibraryStore } from "../../src-main/store/library/LibraryStore.js";
import { vectorTableName } from "../../src-main/store/library/vectorTableName.js";
import { openDatabase } from "../../src-main/store/openDatabase.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { makeTempDir } from "../unit/parse/support/tempDir.js";
import { writeManyNotes } from "../unit/ingest/support/sampleLibrary.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const cliPath = path.join(repoRoot, "src-main/hosts/cli/cli.ts");
const noteCount = 8;
let modelPath: string;
let dir: Awaited<ReturnType<typeof makeTempDir>>;
let notes: string;

beforeAll(async () => {
    modelPath = await ensureSyntheticModel("tiny-embed");
    dir = await makeTempDir("ingest-crash");
    notes = dir.file("notes");
    await writeManyNotes(notes, noteCount, 150);
});
afterAll(async () => {
    await dir?.remove();
});

/** `locus ingest` in its own process, as a person would run it (one llama.cpp thread: the cores are shared). */
function runCli(dataDir: string, folder = notes): { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> } {
    const child = spawn(process.execPath, ["--import", "tsx", cliPath, "ingest", folder, "--data", dataDir, "--embedding-model", modelPath, "--threads", "1"], {
        cwd: repoRoot, env: { ...process.env, LOCUS_GPU: "false", TSX_TSCONFIG_PATH: "tsconfig.node.json" }, stdio: ["ignore", "pipe", "pipe"]
    });
    let output = "";
    child.stdout!.on("data", (data: Buffer) => (output += data.toString()));
    child.stderr!.on("data", (data: Buffer) => (output += data.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
        child.once("exit", (code, signal) => resolve({ code, signal, output })));
    return { child, exited };
}

type Row = { name: string; status: string; chunk_count: number; chunks: number; ordinals: number; fts: number; vectors: number };

/** Per document: its state, and what the index really holds for it. */
function inspect(file: string): Row[] {
    const db = openDatabase(file);
    try {
        const vectors = vectorTableName(64);
        return db.prepare(`
            SELECT d.display_name AS name, d.status, d.chunk_count,
                (SELECT COUNT(*) FROM chunks c WHERE c.document_id = d.id) AS chunks,
                (SELECT COUNT(DISTINCT ordinal) FROM chunks c WHERE c.document_id = d.id) AS ordinals,
                (SELECT COUNT(*) FROM chunks_fts f WHERE f.rowid IN (SELECT id FROM chunks c WHERE c.document_id = d.id)) AS fts,
                (SELECT COUNT(*) FROM ${vectors} v WHERE v.rowid IN (SELECT id FROM chunks c WHERE c.document_id = d.id)) AS vectors
            FROM documents d ORDER BY d.display_name`).all() as Row[];
    } finally {
        db.close();
    }
}

function statuses(file: string): string[] {
    if (!fs.existsSync(file)) return [];
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
        return (db.prepare("SELECT status FROM documents").all() as Array<{ status: string }>).map((row) => row.status);
    } catch {
        return []; // not migrated yet
    } finally {
        db.close();
    }
}

describe("a crash during ingestion", () => {
    it("leaves no document half-visible, and the next start finishes without duplicates, as a clean run would", async () => {
        const dataDir = dir.file("crashed");
        const dbFile = path.join(dataDir, "locus.sqlite");
        const first = runCli(dataDir);
        const deadline = Date.now() + 120_000;
        // Kill while one document is being embedded and at least one is already in the index.
        for (;;) {
            const seen = statuses(dbFile);
            if (seen.includes("indexed") && seen.includes("embedding")) break;
            if (seen.length === noteCount && seen.every((status) => status === "indexed")) throw new Error("the run ended before it could be killed");
            if (Date.now() > deadline) throw new Error(`no document reached embedding in time; output:\n${(await Promise.race([first.exited, Promise.resolve({ output: "(still running)" })])).output}`);
            await new Promise((resolve) => setTimeout(resolve, 25));
        }
        first.child.kill("SIGKILL");
        expect((await first.exited).signal).toBe("SIGKILL");

        const afterKill = inspect(dbFile);
        expect(afterKill.some((row) => row.status === "indexed")).toBe(true);
        expect(afterKill.some((row) => row.status !== "indexed")).toBe(true);
        for (const row of afterKill) {
            // Whole or absent: an unfinished document has nothing in the index; a finished one has all of it, once.
            const expected = row.status === "indexed" ? row.chunk_count : 0;
            expect(row, row.name).toMatchObject({ chunks: expected, ordinals: expected, fts: expected, vectors: expected });
        }

        const second = runCli(dataDir);
        const finished = await second.exited;
        expect(finished.code, finished.output).toBe(0);
        expect(finished.output).toMatch(/left from an earlier run/);
        const resumed = inspect(dbFile);

        // A clean run, in this process, over the same files and model.
        const llama = await getLlama({ gpu: false, build: "never", skipDownload: true, logLevel: LlamaLogLevel.error });
        const embedder = await Embedder.load(llama, modelPath, { threads: 1 });
        const cleanFile = dir.file("clean.sqlite");
        const db = openDatabase(cleanFile);
        const ingest = new IngestService({ store: new LibraryStore(db), threads: 1, embedder: async () => embedder });
        try {
            await ingest.add([notes]);
            await ingest.idle();
        } finally {
            await ingest.dispose();
            db.close();
            await embedder.dispose();
            await llama.dispose();
        }
        const clean = inspect(cleanFile);

        expect(resumed).toHaveLength(noteCount);
        expect(resumed.every((row) => row.status === "indexed")).toBe(true);
        expect(resumed).toEqual(clean);
        for (const row of resumed) expect(row, row.name).toMatchObject({ chunks: row.chunk_count, ordinals: row.chunk_count, fts: row.chunk_count, vectors: row.chunk_count });
        expect(resumed.reduce((sum, row) => sum + row.chunks, 0)).toBeGreaterThanOrEqual(noteCount);
    });

    it("SIGTERM stops locus ingest within a second, keeping the vectors embedded; the next run resumes and embeds only the rest", async () => {
        const dataDir = dir.file("terminated");
        const dbFile = path.join(dataDir, "locus.sqlite");
        const big = dir.file("big");
        // Distinct paragraphs: nothing is reused, so every chunk costs an embedding call.
        await fs.promises.mkdir(big, { recursive: true });
        await fs.promises.writeFile(path.join(big, "long.txt"), Array.from({ length: 400 }, (_, i) =>
            `Paragraph ${i} of the long report names the item ${i * 7919} and its shelf ${i * 104729}.`).join("\n\n"));
        const first = runCli(dataDir, big);
        const deadline = Date.now() + 120_000;
        const pending = (): number => {
            if (!fs.existsSync(dbFile)) return 0;
            const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
            try {
                return (db.prepare("SELECT COUNT(*) AS n FROM pending_vectors").get() as { n: number }).n;
            } catch {
                return 0;
            } finally {
                db.close();
            }
        };
        while (pending() === 0) {
            if (Date.now() > deadline) throw new Error("no vectors were saved in time");
            await new Promise((resolve) => setTimeout(resolve, 25));
        }
        const signalled = performance.now();
        first.child.kill("SIGTERM");
        const stopped = await first.exited;
        expect(performance.now() - signalled).toBeLessThan(1_500);
        expect(stopped.code, stopped.output).toBe(143);
        expect(stopped.output).toMatch(/run the command again to resume/);
        const kept = pending();
        expect(kept).toBeGreaterThan(0);
        expect(inspect(dbFile)).toEqual([expect.objectContaining({ name: "long.txt", chunks: 0, fts: 0, vectors: 0 })]);

        const second = runCli(dataDir, big);
        const finished = await second.exited;
        expect(finished.code, finished.output).toBe(0);
        expect(finished.output).toMatch(/left from an earlier run/);
        const [row] = inspect(dbFile);
        expect(row).toMatchObject({ status: "indexed" });
        expect(row!.vectors).toBe(row!.chunk_count);
        expect(pending()).toBe(0);
    });
});
