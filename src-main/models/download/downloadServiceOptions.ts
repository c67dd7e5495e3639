import type { Database } from "better-sqlite3";
import type { Catalog } from "../catalogSchema.js";
import type { VerifiedHash } from "./downloadTypes.js";
import type { FreeDiskBytes } from "./ensureFreeDisk.js";

export type ModelDownloadServiceOptions = {
    db: Database;
    catalog: Catalog;
    /** Finished models go here; partial files in its `.partial/<job>` folders, on the same volume for an atomic rename. */
    modelsDir: string;
    /** Reads and checks the finished file's GGUF header (`Engine.inspect`); a throw fails the job. */
    inspect: (filePath: string) => Promise<unknown>;
    /** Adds the verified file to the model list, with the hash it matched, and returns its model id. */
    register?: (filePath: string, hash: VerifiedHash) => Promise<string>;
    /** Hub endpoint; default https://huggingface.co/. */
    endpoint?: string;
    /** Free bytes of a folder's volume (default: `fs.statfs`). */
    freeDiskBytes?: FreeDiskBytes;
    /** Left free on top of the file (default 50 MB). */
    reserveBytes?: number;
    /** A transfer with no new byte for this long pauses with an "offline" error (default 60 s). */
    stallTimeoutMs?: number;
    /** Least time between two progress events of a job (default 250 ms). */
    progressIntervalMs?: number;
};
