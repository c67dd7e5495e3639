import type { Database } from "better-sqlite3";

export type Migration = {
    /** Becomes `PRAGMA user_version` once applied; versions are consecutive from 1. */
    version: number;
    name: string;
    up(db: Database): void;
};
