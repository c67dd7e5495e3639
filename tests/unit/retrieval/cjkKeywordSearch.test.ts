import BetterSqlite3 from "better-sqlite3";
import * as sqliteVec from "sqlite-vec";
import { afterEach, describe, expect, it } from "vitest";
import { HybridRetriever } from "../../../src-main/retrieval/HybridRetriever.js";
import { toFtsQuery } from "../../../src-main/retrieval/toFtsQuery.js";
import { ftsText } from "../../../src-main/store/library/ftsText.js";
import type { LibraryStore } from "../../../src-main/store/library/LibraryStore.js";
import { migrate } from "../../../src-main/store/migrate.js";
import { migration007 } from "../../../src-main/store/migrations/007_cjk_keyword_search.js";
import { migrations } from "../../../src-main/store/migrations/index.js";
import { hashedEmbedding } from "./support/hashedEmbedding.js";
import { chunksOf, countRows, openLibrary, removeTempDatabases } from "./support/libraryFixture.js";

afterEach(removeTempDatabases);

const documents: Record<string, string[]> = {
    "退款政策.txt": ["我们的退款政策规定三十天内可以退货。", "会员每月支付十元服务费。"],
    "規約.md": ["払い戻しは購入後十四日以内に申請してください。", "東京都に住んでいる会員は送料が無料です。"],
    "mixed.md": ["Locus 的 API 密钥 must be rotated every 90 days.", "The quarterly report is due in March."],
    "english.txt": ["Refunds are paid back to the original card within five days."]
};

function libraryWith(texts: Record<string, string[]>): LibraryStore {
    const { store } = openLibrary();
    store.setEmbeddingModel({ id: "hashed", dimension: 64 });
    for (const [name, chunks] of Object.entries(texts)) {
        const { id } = store.queueDocument({ sourcePath: `/docs/${name}`, displayName: name, sizeBytes: 1, mtimeMs: 1 });
        store.replaceDocumentChunks(id, chunksOf(chunks, { headingPath: ["规则"] }), chunks.map((text) => hashedEmbedding(text)), {});
    }
    return store;
}

const keywordsOnly = (store: LibraryStore) => new HybridRetriever(store);
const names = async (store: LibraryStore, query: string) =>
    (await keywordsOnly(store).retrieve(query)).map((result) => `${result.documentName}#${result.ordinal}`);

describe("CJK keyword search", () => {
    it("indexes every Chinese or Japanese character as its own token and leaves other text alone", () => {
        expect(ftsText("退款政策 refund")).toBe(" 退  款  政  策  refund");
        expect(ftsText("ポリシー")).toBe(" ポ  リ  シ  ー ");
        expect(ftsText("ＡＰＩ ｶﾀｶﾅ")).toBe("API  カ  タ  カ  ナ ");
        expect(ftsText("Café, naïve")).toBe("Café, naïve");
    });

    it("turns Chinese, Japanese and mixed queries into phrases of the characters of each segmented word", () => {
        expect(toFtsQuery("退款政策是什么？")).toBe("\"退 款\" OR \"政 策\" OR \"什 么\"");
        expect(toFtsQuery("東京都に住んでいる")).toMatch(/^"東 京" OR "都" OR /);
        expect(toFtsQuery("Locus的API密钥")).toBe("\"locus\" OR \"api\" OR \"密 钥\"");
        expect(toFtsQuery("的")).toBe("\"的\"");
        // ICU splits a word its dictionary lacks into characters; they are searched together again.
        expect(toFtsQuery("三十天内可以退货")).toContain("\"退 货\"");
    });

    it("finds a Chinese word inside a sentence, ranks the passage with more of the query first, and ignores reversed characters", async () => {
        const store = libraryWith(documents);
        expect(await names(store, "退款")).toEqual(["退款政策.txt#0"]);
        expect((await names(store, "退款政策是什么？"))[0]).toBe("退款政策.txt#0");
        expect(await names(store, "服务费")).toEqual(["退款政策.txt#1"]);
        // Characters present, but not next to each other in this order: a phrase, not a bag of characters.
        expect(await names(store, "款退")).toEqual([]);
    });

    it("finds Japanese words in kanji, kana and katakana, and headings in Chinese", async () => {
        const store = libraryWith(documents);
        expect(await names(store, "払い戻し")).toEqual(["規約.md#0"]);
        expect((await names(store, "東京都の送料は？"))[0]).toBe("規約.md#1");
        expect((await keywordsOnly(store).retrieve("规则")).length).toBe(7);
    });

    it("searches mixed English and Chinese in one query and one passage", async () => {
        const store = libraryWith(documents);
        expect((await names(store, "API 密钥 rotation"))[0]).toBe("mixed.md#0");
        expect(await names(store, "密钥")).toEqual(["mixed.md#0"]);
        expect(await names(store, "quarterly report")).toEqual(["mixed.md#1"]);
        expect(await names(store, "refunds card")).toEqual(["english.txt#0"]);
    });

    it("migration 007 re-indexes chunks written before it, so old Chinese text becomes searchable", () => {
        const db = new BetterSqlite3(":memory:");
        sqliteVec.load(db);
        migrate(db, migrations.filter((migration) => migration.version < 7));
        db.prepare("INSERT INTO documents (id, source_path, display_name, size_bytes, mtime_ms, status, created_at, updated_at) VALUES ('d', '/d', 'd', 1, 1, 'indexed', 1, 1)").run();
        const insert = db.prepare("INSERT INTO chunks (document_id, ordinal, section_index, heading_path, char_start, char_end, token_count, text) VALUES ('d', ?, 0, ?, 0, 1, 1, ?)");
        insert.run(0, "[\"费用\"]", "我们的退款政策规定三十天内可以退货。");
        insert.run(1, "[]", "Late fees are ten euros.");
        const search = (match: string): unknown[] => db.prepare("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ?").all(match);
        expect(search("\"退款\"")).toHaveLength(0); // unicode61 saw the whole sentence as one token

        expect(migrate(db, migrations)).toMatchObject({ from: 6 });
        expect(migrations[6]).toBe(migration007);
        expect(search(toFtsQuery("退款")!)).toEqual([{ rowid: 1 }]);
        expect(search(toFtsQuery("费用")!)).toEqual([{ rowid: 1 }]);
        expect(search(toFtsQuery("late fees")!)).toEqual([{ rowid: 2 }]);
        expect(countRows(db, "chunks_fts")).toBe(2);

        // Later writes, updates and cascaded deletes keep the new index in step.
        db.prepare("UPDATE chunks SET text = '会员每月支付十元服务费。' WHERE id = 1").run();
        expect(search(toFtsQuery("退款")!)).toHaveLength(0);
        expect(search(toFtsQuery("服务费")!)).toEqual([{ rowid: 1 }]);
        db.prepare("DELETE FROM documents").run();
        expect(search(toFtsQuery("服务费")!)).toHaveLength(0);
        expect(search(toFtsQuery("late")!)).toHaveLength(0);
        expect(() => db.prepare("INSERT INTO chunks_fts (chunks_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    });
});
