import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "better-sqlite3";
import { getLlama, LlamaLogLevel, type Llama } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Embedder } from "../../src-main/engine/Embedder.js";
import { IngestService } from "../../src-main/ingest/IngestService.js";
import type { IngestEmbedder } from "../../src-main/ingest/types.js";
import { toDocumentInfo } from "../../src-main/ingest/toDocumentInfo.js";
import { FolderWatcher } from "../../src-main/ingest/watch/FolderWatcher.js";
import { sourcePassage } from "../../src-main/library/sourcePassage.js";
import { HybridRetriever } from "../../src-main/retrieval/HybridRetriever.js";
import { LibraryMeta } from "../../src-main/store/library/LibraryMeta.js";
import { LibraryStore } from "../../src-main/store/library/LibraryStore.js";
import { openDatabase } from "../../src-main/store/openDatabase.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { buildDocx, paragraph } from "../unit/parse/support/sampleDocx.js";
import { buildMail, buildMbox } from "../unit/parse/support/sampleMail.js";
import { makeTempDir } from "../unit/parse/support/tempDir.js";

// One thread: the test machines' two cores are shared.
const threads = 1;
let llama: Llama;
let embedder: Embedder;
let dir: Awaited<ReturnType<typeof makeTempDir>>;
let modelPath: string;

beforeAll(async () => {
    modelPath = await ensureSyntheticModel("tiny-embed");
    llama = await getLlama({ gpu: false, build: "never", skipDownload: true, logLevel: LlamaLogLevel.error });
    embedder = await Embedder.load(llama, modelPath, { threads });
    dir = await makeTempDir("ingest-mailbox");
});
afterAll(async () => {
    await embedder?.dispose();
    await llama?.dispose();
    await dir?.remove();
});

/** The embedder, counting the texts it is asked to embed. */
function counting(): { embedder: IngestEmbedder; embedded: () => number } {
    let count = 0;
    const wrapped: IngestEmbedder = {
        identity: embedder.identity, maxInputTokens: embedder.maxInputTokens, countTokens: (text) => embedder.countTokens(text),
        embedMany: (texts, onEach) => {
            count += texts.length;
            return embedder.embedMany(texts, onEach);
        }
    };
    return { embedder: wrapped, embedded: () => count };
}

function openLibrary(name: string, options: { batch?: number; maxMessages?: number } = {}) {
    const db: Database = openDatabase(dir.file(`${name}.sqlite`));
    const store = new LibraryStore(db);
    const meter = counting();
    const ingest = new IngestService({
        store, threads, embedder: async () => meter.embedder, embedBatchSize: options.batch ?? 16,
        ...(options.maxMessages === undefined ? {} : { limits: () => ({ maxMessages: options.maxMessages }) })
    });
    return { db, store, ingest, embedded: meter.embedded };
}

const note = (index: number) => buildMail({
    from: `Person ${String(index)} <p${String(index)}@example.com>`, subject: `Weekly note ${String(index)}`, messageId: `<note-${String(index)}@example.com>`,
    date: `Mon, 04 Mar 2024 ${String(10 + (index % 10)).padStart(2, "0")}:00:00 +0000`, text: `Note number ${String(index)} says the meeting room is ${String(index)}B.`
});

describe("a mailbox: each message a document of its own", () => {
    let library: ReturnType<typeof openLibrary>;
    let mailDir: string;
    let mailbox: string;

    beforeAll(async () => {
        mailDir = dir.file("mail");
        await fs.mkdir(mailDir, { recursive: true });
        mailbox = path.join(mailDir, "inbox.mbox");
        const budget = await buildDocx({ body: paragraph("The approved budget for the lighthouse restoration is 48,000 euros.") });
        await fs.writeFile(mailbox, buildMbox([
            buildMail({ from: "Ada Lovelace <ada@example.com>", subject: "Lighthouse budget", messageId: "<budget@example.com>", date: "Fri, 01 Mar 2024 09:30:00 +0000",
                text: "Grace, the budget is attached.", attachments: [{ name: "budget.docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", content: budget }] }),
            buildMail({ date: null, text: "A note without any headers: the pelican feeder is refilled on Sundays." }),
            buildMail({ from: "grace@example.com", subject: "Same id, other text", messageId: "<budget@example.com>", text: "The ferry leaves from pier seven." }),
            ...Array.from({ length: 6 }, (_, index) => note(index))
        ]));
        await fs.writeFile(path.join(mailDir, "plain.txt"), "An ordinary file beside the mailbox, about tulips.\n");
        library = openLibrary("mailbox");
    });
    afterAll(async () => {
        await library?.ingest.dispose();
        library?.db.close();
    });

    it("lists each message with its subject, sender and date under the mailbox, and the mailbox as one file that was indexed", async () => {
        const { ingest, store } = library;
        const added = await ingest.add([mailDir]);
        expect(added.queued.map((document) => document.displayName).sort()).toEqual(["inbox.mbox", "plain.txt"]);
        await ingest.idle();
        const file = store.getDocumentByPath(mailbox)!;
        expect(file).toMatchObject({ status: "indexed", statusReason: null, format: "email", parentId: null });
        const messages = store.listParts(file.id);
        expect(messages).toHaveLength(9);
        expect(file.chunkCount).toBe(messages.reduce((sum, message) => sum + message.chunkCount, 0));
        expect(store.documentChunks(file.id)).toEqual([]);
        const budget = messages.find((message) => message.displayName === "Lighthouse budget")!;
        expect(toDocumentInfo(budget)).toMatchObject({ parentId: file.id, sender: "Ada Lovelace <ada@example.com>", sentAt: "2024-03-01 09:30 UTC", status: "indexed", format: "email" });
        expect(messages.find((message) => message.displayName === "(no subject)")).toMatchObject({ sender: null, sentAt: null, status: "indexed" });
        expect(messages.filter((message) => message.partKey?.startsWith("<budget@example.com>")).map((message) => message.displayName).sort())
            .toEqual(["Lighthouse budget", "Same id, other text"]);
        // The library lists the mailbox, then its messages (by date), then the next file.
        const names = store.listDocuments().map((document) => document.displayName);
        expect(names[0]).toBe("inbox.mbox");
        expect(names.at(-1)).toBe("plain.txt");
        expect(names).toHaveLength(11);
    });

    it("a question finds the message (and its attachment) and the citation opens that message, not the mailbox", async () => {
        const { store } = library;
        const retriever = new HybridRetriever(store, { embedQuery: (query) => embedder.embed(query) });
        const [top] = await retriever.retrieve("approved budget lighthouse restoration euros", { limit: 1 });
        expect(top).toMatchObject({ documentName: "Lighthouse budget", text: expect.stringContaining("48,000 euros") });
        const passage = sourcePassage(store, top!.id);
        const message = store.getDocument(passage.documentId)!;
        expect(message).toMatchObject({ displayName: "Lighthouse budget", parentId: store.getDocumentByPath(mailbox)!.id });
        expect(passage.headingPath).toEqual(["Attachment: budget.docx"]);
        const [ferry] = await retriever.retrieve("ferry pier seven", { limit: 1 });
        expect(ferry).toMatchObject({ documentName: "Same id, other text" });
        // A mailbox attached to a chat (a search scope of its id) searches its messages.
        const scoped = new HybridRetriever(store, { embedQuery: (query) => embedder.embed(query), scope: { documentIds: [store.getDocumentByPath(mailbox)!.id] } });
        expect((await scoped.retrieve("pelican feeder Sundays", { limit: 1 }))[0]).toMatchObject({ documentName: "(no subject)" });
    });

    it("a changed mailbox: new messages added, a vanished one removed, unchanged ones neither embedded again nor rewritten", async () => {
        const { ingest, store, db, embedded } = library;
        const file = store.getDocumentByPath(mailbox)!;
        const chunkIdsBefore = db.prepare("SELECT id FROM chunks WHERE document_id IN (SELECT id FROM documents WHERE parent_id = ? AND display_name LIKE 'Weekly note%') ORDER BY id").all(file.id);
        const noteZero = store.listParts(file.id).find((message) => message.displayName === "Weekly note 0")!;
        // Rewrite the mailbox: the first three messages gone except one, two new notes at the end.
        const kept = Array.from({ length: 6 }, (_, index) => note(index));
        await fs.writeFile(mailbox, buildMbox([...kept, note(100), note(101)]));
        const before = embedded();
        await ingest.add([mailbox]);
        await ingest.idle();
        const messages = store.listParts(file.id);
        expect(messages.map((message) => message.displayName).sort()).toEqual([...kept.map((_, index) => `Weekly note ${String(index)}`), "Weekly note 100", "Weekly note 101"].sort());
        // Only the two new messages' chunks were embedded.
        expect(embedded() - before).toBe(2);
        expect(store.getDocument(noteZero.id)).toMatchObject({ indexedAt: noteZero.indexedAt });
        const chunkIdsAfter = db.prepare("SELECT id FROM chunks WHERE document_id IN (SELECT id FROM documents WHERE parent_id = ? AND display_name LIKE 'Weekly note%') ORDER BY id").all(file.id);
        expect(chunkIdsAfter.slice(0, chunkIdsBefore.length)).toEqual(chunkIdsBefore);
        expect(store.keywordSearch('"lighthouse"', 5)).toEqual([]);
    });

    it("removes every message with the mailbox when its file is deleted from a watched folder; a message alone cannot be removed", async () => {
        const { ingest, store, db } = library;
        const file = store.getDocumentByPath(mailbox)!;
        const message = store.listParts(file.id)[0]!;
        await expect(ingest.remove(message.id)).rejects.toThrow(/is a message in “inbox\.mbox”: remove the mailbox to remove its messages/);
        const watcher = new FolderWatcher({ meta: new LibraryMeta(db), library: store, ingest, debounceMs: 100, writeFinishMs: 200 });
        try {
            await watcher.watchFolder(mailDir);
            await fs.rm(mailbox);
            await waitFor(async () => store.getDocument(file.id) === undefined);
            expect(db.prepare("SELECT COUNT(*) AS n FROM documents WHERE parent_id IS NOT NULL").get()).toEqual({ n: 0 });
            expect(store.listDocuments().map((document) => document.displayName)).toEqual(["plain.txt"]);
            expect(db.prepare("SELECT COUNT(*) AS n FROM chunks WHERE document_id != ?").get(store.listDocuments()[0]!.id)).toEqual({ n: 0 });
        } finally {
            await watcher.dispose();
        }
    });
});

describe("a large mailbox", () => {
    it("stopped mid-way shows no message yet, and resumes from the vectors already embedded", async () => {
        const mailbox = dir.file("resume.mbox");
        await fs.writeFile(mailbox, buildMbox(Array.from({ length: 200 }, (_, index) => note(index))));
        const library = openLibrary("resume", { batch: 8 });
        try {
            await library.ingest.add([mailbox]);
            await waitFor(async () => library.store.pendingVectorCount(library.store.getDocumentByPath(mailbox)!.id) >= 16);
            await library.ingest.pause();
            const file = library.store.getDocumentByPath(mailbox)!;
            const saved = library.store.pendingVectorCount(file.id);
            expect(file.status).toBe("queued");
            expect(library.store.listParts(file.id)).toEqual([]);
            expect(library.store.keywordSearch('"meeting"', 5)).toEqual([]);
            const before = library.embedded();
            library.ingest.start();
            await library.ingest.idle();
            expect(library.store.getDocument(file.id)).toMatchObject({ status: "indexed" });
            expect(library.store.listParts(file.id)).toHaveLength(200);
            expect(library.embedded() - before).toBe(200 - saved);
        } finally {
            await library.ingest.dispose();
            library.db.close();
        }
    });

    it("over 'Most messages in a mailbox' fails naming the setting, the other files still indexed", async () => {
        const folder = dir.file("big-mail");
        await fs.mkdir(folder, { recursive: true });
        const tiny = buildMail({ from: "a@example.com", subject: "x", text: "y" });
        await fs.writeFile(path.join(folder, "huge.mbox"), buildMbox(Array.from({ length: 5_000 }, () => tiny)));
        await fs.writeFile(path.join(folder, "fine.txt"), "Still indexed.\n");
        const library = openLibrary("cap", { maxMessages: 1_000 });
        try {
            await library.ingest.add([folder]);
            await library.ingest.idle();
            expect(library.store.getDocumentByPath(path.join(folder, "huge.mbox"))).toMatchObject({
                status: "failed", statusReason: expect.stringMatching(/"huge\.mbox" has 5,000 messages, over the limit of 1,000\. .*"Most messages in a mailbox" in Settings > Documents/)
            });
            expect(library.store.getDocumentByPath(path.join(folder, "fine.txt"))).toMatchObject({ status: "indexed" });
        } finally {
            await library.ingest.dispose();
            library.db.close();
        }
    });
});

describe("locus ingest with a mailbox", () => {
    it("indexes each message into the collection asked for, and says how many messages the mailbox held", async () => {
        const mailbox = dir.file("cli/archive.mbox");
        await fs.mkdir(path.dirname(mailbox), { recursive: true });
        await fs.writeFile(mailbox, buildMbox(Array.from({ length: 5 }, (_, index) => note(index))));
        const dataDir = dir.file("cli-data");
        const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
        const child = spawn(process.execPath, [
            "--import", "tsx", path.join(repoRoot, "src-main/hosts/cli/cli.ts"), "ingest", mailbox, "--collection", "Mail", "--data", dataDir,
            "--embedding-model", modelPath, "--threads", "1"
        ], { cwd: repoRoot, env: { ...process.env, LOCUS_GPU: "false", TSX_TSCONFIG_PATH: "tsconfig.node.json" }, stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        child.stdout.on("data", (data: Buffer) => (output += data.toString()));
        child.stderr.on("data", (data: Buffer) => (output += data.toString()));
        const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
        expect(code, output).toBe(0);
        expect(output).toMatch(/Indexed 1 of 1 file \(5 e-mail messages, 5 chunks\)/);
        const db = openDatabase(path.join(dataDir, "locus.sqlite"));
        try {
            const store = new LibraryStore(db);
            const mail = store.collectionByName("Mail")!;
            expect(store.listDocuments().filter((document) => document.collectionId === mail.id)).toHaveLength(6);
            expect(store.documentIdsInCollections([mail.id])).toHaveLength(6);
        } finally {
            db.close();
        }
    });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
        if (Date.now() > deadline) throw new Error("condition not met in time");
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}
