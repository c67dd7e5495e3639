import type { Migration } from "../Migration.js";

/**
 * The library at scale:
 * - `collections`, and the one collection a document (`documents.collection_id`) or an added folder
 *   (`collection_folders`, inherited by the files found in it) belongs to; deleting a collection leaves
 *   its documents in the library, in no collection.
 * - `chunks.embed_hash`: a hash of the exact text the embedding model saw, so an identical chunk
 *   (boilerplate, a copy of a file) reuses the stored vector instead of being embedded again.
 * - `pending_vectors`: vectors of a document being indexed, saved batch by batch outside the searchable
 *   tables; after a crash the document resumes from them, and search never sees half a document.
 */
export const migration011: Migration = {
    version: 11,
    name: "collections, embedding reuse and resumable indexing",
    up(db) {
        db.exec(`
            CREATE TABLE collections (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 100),
                created_at INTEGER NOT NULL
            );
            ALTER TABLE documents ADD COLUMN collection_id TEXT REFERENCES collections(id) ON DELETE SET NULL;
            CREATE INDEX documents_by_collection ON documents(collection_id);
            CREATE TABLE collection_folders (
                folder TEXT PRIMARY KEY,
                collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE
            );

            ALTER TABLE chunks ADD COLUMN embed_hash BLOB;
            CREATE INDEX chunks_by_embed_hash ON chunks(embed_hash) WHERE embed_hash IS NOT NULL;

            CREATE TABLE pending_vectors (
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                embed_hash BLOB NOT NULL CHECK (length(embed_hash) = 16),
                vector BLOB NOT NULL,
                PRIMARY KEY (document_id, embed_hash)
            ) WITHOUT ROWID;
            CREATE INDEX pending_vectors_by_hash ON pending_vectors(embed_hash);
        `);
    }
};
