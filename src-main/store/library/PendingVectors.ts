import type { Database } from "better-sqlite3";

/** A vector for one embedding input, keyed by the input's 16-byte hash. */
export type HashedVector = { hash: Uint8Array; vector: Float32Array };

const hex = (hash: Uint8Array): string => Buffer.from(hash).toString("hex");

/**
 * Vectors already computed for an embedding input, wherever they are: saved batch by batch for a
 * document still being indexed (`pending_vectors`, outside the searchable tables), or stored with an
 * indexed chunk whose input was the same. Lets a crashed document resume, and identical chunks
 * (boilerplate, copies of a file) be embedded once.
 */
export class PendingVectors {
    readonly #statements;

    constructor(private readonly db: Database) {
        this.#statements = {
            save: db.prepare("INSERT OR REPLACE INTO pending_vectors (document_id, embed_hash, vector) VALUES (?, ?, ?)"),
            pending: db.prepare<[Buffer], { vector: Buffer }>("SELECT vector FROM pending_vectors WHERE embed_hash = ? LIMIT 1"),
            indexedChunk: db.prepare<[Buffer], { id: number }>("SELECT id FROM chunks WHERE embed_hash = ? LIMIT 1"),
            clearDocument: db.prepare("DELETE FROM pending_vectors WHERE document_id = ?"),
            clearAll: db.prepare("DELETE FROM pending_vectors"),
            count: db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM pending_vectors WHERE document_id = ?")
        };
    }

    /** Saves the vectors of one embedded batch, in one transaction of its own. */
    save(documentId: string, vectors: readonly HashedVector[]): void {
        this.db.transaction(() => {
            for (const { hash, vector } of vectors)
                this.#statements.save.run(documentId, Buffer.from(hash), Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
        })();
    }

    /**
     * Known vectors for these hashes (hex keys): pending ones first, then those of indexed chunks, read
     * from the vector table through `readVector`.
     */
    find(hashes: readonly Uint8Array[], readVector: (chunkId: number) => Float32Array | undefined): Map<string, Float32Array> {
        const found = new Map<string, Float32Array>();
        for (const hash of hashes) {
            const key = hex(hash);
            if (found.has(key)) continue;
            const bytes = Buffer.from(hash);
            const pending = this.#statements.pending.get(bytes);
            if (pending !== undefined) {
                found.set(key, new Float32Array(pending.vector.buffer.slice(pending.vector.byteOffset, pending.vector.byteOffset + pending.vector.byteLength)));
                continue;
            }
            const chunk = this.#statements.indexedChunk.get(bytes);
            const vector = chunk === undefined ? undefined : readVector(chunk.id);
            if (vector !== undefined) found.set(key, vector);
        }
        return found;
    }

    count(documentId: string): number {
        return this.#statements.count.get(documentId)?.n ?? 0;
    }

    clearDocument(documentId: string): void {
        this.#statements.clearDocument.run(documentId);
    }

    clearAll(): void {
        this.#statements.clearAll.run();
    }
}

export { hex as embedHashKey };
