import type { Database, Statement } from "better-sqlite3";
import { vectorExtensionProblem } from "../loadVectorExtension.js";
import type { VectorHit } from "./types.js";
import { VectorSearchUnavailableError } from "./VectorSearchUnavailableError.js";
import { dimensionOfVectorTable, vectorTableName } from "./vectorTableName.js";

/** sqlite-vec refuses larger k in one KNN query. */
export const maxNearestNeighbours = 4096;

type TableStatements = {
    insert: Statement<[bigint, Float32Array, Float32Array]> | Statement<[bigint, Float32Array]>;
    nearest: Statement<[Float32Array, number], { chunkId: number; distance: number }>;
    prefiltered: Statement<[Float32Array, number, Float32Array, number], { chunkId: number; distance: number }> | undefined;
    scoped: Statement<[Float32Array, string, number], { chunkId: number; distance: number }>;
    read: Statement<[bigint], { embedding: Buffer }>;
};

/**
 * The vec0 tables of chunk vectors, one per dimension (`vec_chunks_384`, ...), keyed by chunk id.
 * Each row holds the unit vector in float32 and, when the dimension allows, its 1-bit code for a fast
 * prefilter. A trigger deletes a chunk's vector with the chunk, so no path can leave an orphan.
 * Used inside LibraryStore's transactions; it opens none of its own.
 */
export class VectorIndex {
    readonly #statements = new Map<number, TableStatements>();
    /** Why sqlite-vec did not load into this database; undefined when it did. */
    readonly #problem: string | undefined;

    constructor(private readonly db: Database) {
        this.#problem = vectorExtensionProblem(db);
    }

    /** False when sqlite-vec did not load: searches find nothing by meaning, and writes are refused. */
    get available(): boolean {
        return this.#problem === undefined;
    }

    /** Creates the table (and its delete trigger) for a dimension if it does not exist yet. */
    ensureTable(dimension: number): void {
        this.#assertAvailable();
        const table = vectorTableName(dimension);
        const bitColumn = dimension % 8 === 0 ? `, embedding_bit bit[${dimension}]` : "";
        this.db.exec(`
            CREATE VIRTUAL TABLE IF NOT EXISTS ${table} USING vec0(embedding float[${dimension}]${bitColumn});
            CREATE TRIGGER IF NOT EXISTS ${table}_delete AFTER DELETE ON chunks BEGIN
                DELETE FROM ${table} WHERE rowid = old.id;
            END;
        `);
    }

    hasTable(dimension: number): boolean {
        const row = this.db.prepare<[string], { n: number }>(
            "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?"
        ).get(vectorTableName(dimension));
        return (row?.n ?? 0) > 0;
    }

    /** Drops every vector table and its trigger (when the embedding model changes). */
    dropAll(): void {
        this.#assertAvailable();
        const names = this.db.prepare<[], { name: string }>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'vec_chunks_%'"
        ).all();
        for (const { name } of names) {
            const dimension = dimensionOfVectorTable(name);
            if (dimension === undefined) continue; // vec0's own shadow tables go with their parent
            const table = vectorTableName(dimension);
            this.db.exec(`DROP TRIGGER IF EXISTS ${table}_delete; DROP TABLE IF EXISTS ${table};`);
        }
        this.#statements.clear();
    }

    /** `vector` must be a unit vector of the table's dimension. */
    insert(dimension: number, chunkId: number, vector: Float32Array): void {
        this.#assertAvailable();
        const statements = this.#prepared(dimension);
        // vec0 accepts only integer keys, and better-sqlite3 binds a JS number as a real: hence BigInt.
        if (dimension % 8 === 0) (statements.insert as Statement<[bigint, Float32Array, Float32Array]>).run(BigInt(chunkId), vector, vector);
        else (statements.insert as Statement<[bigint, Float32Array]>).run(BigInt(chunkId), vector);
    }

    /**
     * The `limit` nearest chunks to a unit query vector, exactly (a full scan in sqlite-vec), or via the
     * 1-bit prefilter rescored with the float vectors when `prefilterCandidates` is given.
     */
    nearest(dimension: number, query: Float32Array, limit: number, prefilterCandidates?: number): VectorHit[] {
        const k = Math.min(Math.max(1, Math.floor(limit)), maxNearestNeighbours);
        const statements = this.#prepared(dimension);
        const rows = prefilterCandidates !== undefined && statements.prefiltered !== undefined
            ? statements.prefiltered.all(query, Math.min(Math.max(k, Math.floor(prefilterCandidates)), maxNearestNeighbours), query, k)
            : statements.nearest.all(query, k);
        // Unit vectors: |a - b|^2 = 2 - 2 cos(a, b).
        return rows.map((row) => ({ chunkId: row.chunkId, similarity: 1 - (row.distance * row.distance) / 2 }));
    }

    /**
     * The `limit` nearest chunks among those of some documents, exactly: the distances of just those
     * chunks' vectors are computed, so the cost follows the size of the scope, not of the library.
     */
    nearestInDocuments(dimension: number, query: Float32Array, limit: number, documentIds: readonly string[]): VectorHit[] {
        this.#assertAvailable();
        if (documentIds.length === 0) return [];
        const k = Math.min(Math.max(1, Math.floor(limit)), maxNearestNeighbours);
        return this.#prepared(dimension).scoped.all(query, JSON.stringify(documentIds), k)
            .map((row) => ({ chunkId: row.chunkId, similarity: 1 - (row.distance * row.distance) / 2 }));
    }

    /** The stored unit vector of a chunk, or undefined when it has none. */
    read(dimension: number, chunkId: number): Float32Array | undefined {
        this.#assertAvailable();
        const row = this.#prepared(dimension).read.get(BigInt(chunkId));
        if (row === undefined) return undefined;
        return new Float32Array(row.embedding.buffer.slice(row.embedding.byteOffset, row.embedding.byteOffset + row.embedding.byteLength));
    }

    #assertAvailable(): void {
        if (this.#problem !== undefined) throw new VectorSearchUnavailableError(this.#problem);
    }

    #prepared(dimension: number): TableStatements {
        const cached = this.#statements.get(dimension);
        if (cached) return cached;
        const table = vectorTableName(dimension);
        const hasBits = dimension % 8 === 0;
        const statements: TableStatements = {
            insert: hasBits
                ? this.db.prepare(`INSERT INTO ${table} (rowid, embedding, embedding_bit) VALUES (?, ?, vec_quantize_binary(?))`)
                : this.db.prepare(`INSERT INTO ${table} (rowid, embedding) VALUES (?, ?)`),
            // Ties (equal distances) come back in id order, so results are repeatable; vec0 itself
            // accepts only ORDER BY distance, hence the outer query.
            nearest: this.db.prepare(`
                WITH hits AS MATERIALIZED (SELECT rowid AS chunkId, distance FROM ${table} WHERE embedding MATCH ? AND k = ?)
                SELECT chunkId, distance FROM hits ORDER BY distance, chunkId`),
            prefiltered: hasBits
                ? this.db.prepare(`
                    WITH candidates AS (
                        SELECT rowid AS id FROM ${table} WHERE embedding_bit MATCH vec_quantize_binary(?) AND k = ?
                    )
                    SELECT c.id AS chunkId, vec_distance_l2(v.embedding, ?) AS distance
                    FROM candidates c JOIN ${table} v ON v.rowid = c.id
                    ORDER BY distance, c.id LIMIT ?`)
                : undefined,
            scoped: this.db.prepare(`
                SELECT v.rowid AS chunkId, vec_distance_l2(v.embedding, ?) AS distance
                FROM ${table} v
                WHERE v.rowid IN (SELECT c.id FROM chunks c WHERE c.document_id IN (SELECT value FROM json_each(?)))
                ORDER BY distance, chunkId LIMIT ?`),
            read: this.db.prepare(`SELECT embedding FROM ${table} WHERE rowid = ?`)
        };
        this.#statements.set(dimension, statements);
        return statements;
    }
}
