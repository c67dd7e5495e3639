import { afterEach, describe, expect, it } from "vitest";
import { libraryInvariantViolations } from "../../support/invariants/libraryInvariants.js";
import { hashedEmbedding } from "../retrieval/support/hashedEmbedding.js";
import { chunksOf, openLibrary, removeTempDatabases } from "../retrieval/support/libraryFixture.js";

afterEach(removeTempDatabases);

/** A library with two indexed documents of three chunks each, closed again. */
function indexedLibrary() {
    const library = openLibrary();
    library.store.setEmbeddingModel({ id: "hashed", dimension: 64 });
    for (const name of ["a.md", "b.md"]) {
        const texts = [1, 2, 3].map((i) => `${name} passage ${i} about the harbour`);
        const { id } = library.store.queueDocument({ sourcePath: `/docs/${name}`, displayName: name, sizeBytes: 1, mtimeMs: 1 });
        library.store.replaceDocumentChunks(id, chunksOf(texts), texts.map((text) => hashedEmbedding(text)), {});
    }
    return library;
}

describe("the library invariants the fuzzer and crash loops check", () => {
    it("hold for a library indexed as Locus indexes", () => {
        const { db, file } = indexedLibrary();
        db.close();
        expect(libraryInvariantViolations(file)).toEqual([]);
    });

    it("name a chunk without its keyword row, a keyword row without its chunk, a missing or orphan vector and a wrong chunk count", () => {
        const { db, file } = indexedLibrary();
        const [first, second] = db.prepare("SELECT id FROM chunks ORDER BY id LIMIT 2").all() as { id: number }[];
        db.prepare("DELETE FROM chunks_fts WHERE rowid = ?").run(first!.id);
        db.prepare("INSERT INTO chunks_fts (rowid, text, heading_path) VALUES (?, 'stray', '')").run(999_999);
        db.prepare("DELETE FROM vec_chunks_64 WHERE rowid = ?").run(second!.id);
        const orphan = Buffer.from(hashedEmbedding("orphan").buffer);
        db.prepare("INSERT INTO vec_chunks_64 (rowid, embedding, embedding_bit) VALUES (?, ?, vec_quantize_binary(?))").run(888_888n, orphan, orphan);
        db.prepare("UPDATE documents SET chunk_count = 7 WHERE display_name = 'b.md'").run();
        db.close();

        const violations = libraryInvariantViolations(file);
        expect(violations).toEqual(expect.arrayContaining([
            expect.stringMatching(/^keyword index: 6 chunks, 6 FTS rows, 1 chunks without one, 1 rows without a chunk$/),
            "vec_chunks_64: 1 vectors without a chunk",
            "vec_chunks_64: 1 chunks of indexed documents without a vector",
            "1 indexed documents whose chunk count differs from their chunks"
        ]));
    });
});
