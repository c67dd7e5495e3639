import { basename, resolve } from "node:path";
import { ChildWorker } from "../../workers/ChildWorker.js";
import type { SpawnWorkerProcess } from "../../workers/WorkerProcess.js";
import { workerEntry, type WorkerEntry } from "../../workers/workerEntry.js";
import { reviveDocumentError } from "./errors/reviveDocumentError.js";
import { parsedDocumentSchema, parseLimitsSchema, parseProgressSchema, type ParseProgress, type ParseRequest } from "./parseSchemas.js";
import { defaultParseLimits, type ParsedDocument, type ParseLimits } from "./types.js";

export interface ParserClientOptions {
    /** Limits for every file unless a call overrides them. */
    limits?: Partial<ParseLimits>;
    /** Heap limit of the parser process, in MB. Default 2048. */
    heapLimitMb?: number;
    /** Where the worker entry is; found next to this file (source) or in out/main (build) by default. */
    entry?: WorkerEntry;
    /** How to start the worker process; child_process.fork by default. */
    spawn?: SpawnWorkerProcess;
}

/**
 * Parses documents in a separate process, one at a time. Errors arrive as the named errors the
 * worker threw (UnsupportedDocumentError, ScannedPdfError...), or WorkerTimeoutError /
 * WorkerCrashedError when the parse hung or crashed; the next file gets a fresh worker.
 */
export class ParserClient {
    readonly #worker: ChildWorker<ParseRequest, ParsedDocument, ParseProgress>;
    readonly #limits: ParseLimits;

    public constructor(options: ParserClientOptions = {}) {
        this.#limits = { ...defaultParseLimits, ...options.limits };
        this.#worker = new ChildWorker({
            name: "document parser",
            entry: options.entry ?? workerEntry(import.meta.url, "parserWorker"),
            heapLimitMb: options.heapLimitMb ?? 2048,
            parseResult: (value) => parsedDocumentSchema.parse(value),
            parseProgress: (value) => parseProgressSchema.parse(value),
            reviveError: reviveDocumentError,
            ...(options.spawn ? { spawn: options.spawn } : {})
        });
    }

    /**
     * `onProgress` hears of scanned pages read by text recognition; each page read restarts the time
     * limit, so "Time to read one document" holds per scanned page.
     */
    public parse(filePath: string, limits: Partial<ParseLimits> = {}, options: { onProgress?: (progress: ParseProgress) => void } = {}): Promise<ParsedDocument> {
        const checked = parseLimitsSchema.safeParse({ ...this.#limits, ...limits });
        if (!checked.success) return Promise.reject(new RangeError(`Invalid parse limits: ${checked.error.message}`));
        const effective = checked.data;
        return this.#worker.request(
            { filePath: resolve(filePath), limits: effective },
            {
                timeoutMs: effective.timeoutMs,
                task: `parsing "${basename(filePath)}"`,
                progressRestartsTimeout: true,
                ...(options.onProgress ? { onProgress: options.onProgress } : {}),
                hint: "The file may be damaged or unusually complex; open it in its usual app and save a fresh copy, or convert it to PDF or plain text."
            }
        );
    }

    /** Stops the worker process; parses still pending fail with WorkerDisposedError. */
    public dispose(): Promise<void> {
        return this.#worker.dispose();
    }
}
