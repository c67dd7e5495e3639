import type { Database, Statement } from "better-sqlite3";
import type { VectorHit, VectorSearchOptions } from "./types.js";
import { dimensionOfVectorTable, vectorTableName } from "./vectorTableName.js";

/** sqlite-vec refuses larger k in one KNN query. */
export const maxNearestNeighbours = 4096;

type TableStatements = {
    insert: Statement<[bigint, Float32Array, Float32Array]> | Statement<[bigint, Float32Array]>;
    nearest: Statement<[Float32Array, number], { chunkId: number; distance: number }>;
    prefiltered: Statement<[Float32Array, number, Float32Array, number], { chunkId: number; distance: number }> | undefined;
    nearestIn: Statement<[Float32Array, number, string], { chunkId: number; distance: number }>;
};

/**
 * The vec0 tables of chunk vectors, one per dimension (`vec_chunks_384`, ...), keyed by chunk id.
 * Each row holds the unit vector in float32 and, when the dimension allows, its 1-bit code for a fast
 * prefilter. A trigger deletes a chunk's vector with the chunk, so no path can leave an orphan.
 * Used inside LibraryStore's transactions; it opens none of its own.
 */
export class VectorIndex {
    readonly #statements = new Map<number, TableStatements>();

    constructor(private readonly db: Database) {}

    /** Creates the table (and its delete trigger) for a dimension if it does not exist yet. */
    ensureTable(dimension: number): void {
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
        const statements = this.#prepared(dimension);
        // vec0 accepts only integer keys, and better-sqlite3 binds a JS number as a real: hence BigInt.
        if (dimension % 8 === 0) (statements.insert as Statement<[bigint, Float32Array, Float32Array]>).run(BigInt(chunkId), vector, vector);
        else (statements.insert as Statement<[bigint, Float32Array]>).run(BigInt(chunkId), vector);
    }

    /**
     * The `limit` nearest chunks to a unit query vector, exactly (a full scan in sqlite-vec), or via the
     * 1-bit prefilter rescored with the float vectors when `prefilterCandidates` is given. With
     * `documentIds`, only those documents' chunks are searched (exactly: sqlite-vec filters by rowid
     * inside the KNN scan, so the k nearest are k of theirs).
     */
    nearest(dimension: number, query: Float32Array, limit: number, options: VectorSearchOptions = {}): VectorHit[] {
        const { prefilterCandidates, documentIds } = options;
        const k = Math.min(Math.max(1, Math.floor(limit)), maxNearestNeighbours);
        const statements = this.#prepared(dimension);
        if (documentIds !== undefined) {
            if (documentIds.length === 0) return [];
            return statements.nearestIn.all(query, k, JSON.stringify(documentIds)).map(toHit);
        }
        const rows = prefilterCandidates !== undefined && statements.prefiltered !== undefined
            ? statements.prefiltered.all(query, Math.min(Math.max(k, Math.floor(prefilterCandidates)), maxNearestNeighbours), query, k)
            : statements.nearest.all(query, k);
        return rows.map(toHit);
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
            nearestIn: this.db.prepare(`
                WITH hits AS MATERIALIZED (
                    SELECT rowid AS chunkId, distance FROM ${table} WHERE embedding MATCH ? AND k = ?
                    AND rowid IN (SELECT id FROM chunks WHERE document_id IN (SELECT value FROM json_each(?)))
                )
                SELECT chunkId, distance FROM hits ORDER BY distance, chunkId`),
            prefiltered: hasBits
                ? this.db.prepare(`
                    WITH candidates AS (
                        SELECT rowid AS id FROM ${table} WHERE embedding_bit MATCH vec_quantize_binary(?) AND k = ?
                    )
                    SELECT c.id AS chunkId, vec_distance_l2(v.embedding, ?) AS distance
                    FROM candidates c JOIN ${table} v ON v.rowid = c.id
                    ORDER BY distance, c.id LIMIT ?`)
                : undefined
        };
        this.#statements.set(dimension, statements);
        return statements;
    }
}

/** Unit vectors: |a - b|^2 = 2 - 2 cos(a, b). */
function toHit(row: { chunkId: number; distance: number }): VectorHit {
    return { chunkId: row.chunkId, similarity: 1 - (row.distance * row.distance) / 2 };
}
