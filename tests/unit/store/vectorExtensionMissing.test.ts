import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// A damaged installation: sqlite-vec's file is not where the installer put it.
vi.mock("../../../src-main/store/sqliteVecPath.js", () => ({ sqliteVecPath: () => "/nonexistent/app.asar.unpacked/vec0.so" }));

const { ChatRepository } = await import("../../../src-main/store/ChatRepository.js");
const { LibraryStore } = await import("../../../src-main/store/library/LibraryStore.js");
const { VectorSearchUnavailableError } = await import("../../../src-main/store/library/VectorSearchUnavailableError.js");
const { vectorExtensionProblem } = await import("../../../src-main/store/loadVectorExtension.js");
const { openDatabase } = await import("../../../src-main/store/openDatabase.js");

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function tempDbFile(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-novec-"));
    dirs.push(dir);
    return path.join(dir, "locus.sqlite");
}

describe("a database without sqlite-vec (missing extension)", () => {
    it("still opens and migrates, keeps chats working, and says which file did not load", () => {
        const db = openDatabase(tempDbFile());
        expect(vectorExtensionProblem(db)).toContain("/nonexistent/app.asar.unpacked/vec0.so");
        const chats = new ChatRepository(db);
        const chat = chats.create("Still works");
        chats.messages.add(chat.id, "user", "hello", "done", null);
        expect(chats.messages.all(chat.id).map((m) => m.content)).toEqual(["hello"]);
        db.close();
    });

    it("searches by meaning find nothing, and indexing is refused with what still works and how to repair it", () => {
        const db = openDatabase(tempDbFile());
        const library = new LibraryStore(db);
        expect(library.vectorSearch([1, 0, 0, 0], 5)).toEqual([]);
        const refused = (() => {
            try {
                library.setEmbeddingModel({ id: "minilm", dimension: 384 });
            } catch (error) {
                return error;
            }
            return undefined;
        })();
        expect(refused).toBeInstanceOf(VectorSearchUnavailableError);
        expect(String((refused as Error).message)).toMatch(/vector search extension is missing.*keywords still works.*Reinstall Locus/s);
        db.close();
    });
});
