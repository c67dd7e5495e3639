import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Database } from "better-sqlite3";
import type { CatalogQuant } from "../../../src-main/models/catalogSchema.js";
import type { ModelDownloadServiceOptions } from "../../../src-main/models/download/downloadServiceOptions.js";
import { ModelDownloadService } from "../../../src-main/models/download/ModelDownloadService.js";
import type { DownloadEvent, DownloadJob } from "../../../src-main/models/download/downloadTypes.js";
import { openDatabase } from "../../../src-main/store/openDatabase.js";
import { FakeHub } from "./FakeHub.js";
import type { FakeHubOptions, HubFile } from "./fakeHubTypes.js";
import { testCatalog } from "./testCatalog.js";

export type HarnessOptions = {
    bytes: Buffer;
    hub?: FakeHubOptions;
    /** What the catalog says about the file (e.g. `{ sha256: null }`). */
    quant?: Partial<CatalogQuant>;
};

/**
 * A fake hub serving one file, a temporary data folder with a real SQLite database, and services built
 * on them. `restart()` closes the database and opens it again, as an app restart does.
 */
export class DownloadHarness {
    db!: Database;
    readonly services: ModelDownloadService[] = [];
    readonly events: DownloadEvent[] = [];
    readonly inspected: string[] = [];

    private constructor(readonly hub: FakeHub, readonly file: HubFile, readonly dir: string, private readonly options: HarnessOptions) {}

    static async create(options: HarnessOptions): Promise<DownloadHarness> {
        const hub = await new FakeHub(options.hub).start();
        const file = hub.addFile({ repository: "test-org/Test-Model-GGUF", revision: "a".repeat(40), fileName: "test-model-Q8_0.gguf", bytes: options.bytes });
        const dir = await fs.mkdtemp(path.join(os.tmpdir(), "locus-download-"));
        const harness = new DownloadHarness(hub, file, dir, options);
        harness.db = openDatabase(harness.dbFile);
        return harness;
    }

    get dbFile(): string { return path.join(this.dir, "locus.sqlite"); }
    get modelsDir(): string { return path.join(this.dir, "models"); }
    get partialRoot(): string { return path.join(this.modelsDir, ".partial"); }
    get installedPath(): string { return path.join(this.modelsDir, this.file.fileName); }

    service(overrides: Partial<ModelDownloadServiceOptions> = {}): ModelDownloadService {
        const service = new ModelDownloadService({
            db: this.db, catalog: testCatalog(this.file, this.options.quant), modelsDir: this.modelsDir,
            endpoint: this.hub.endpoint, freeDiskBytes: async () => 1e12, stallTimeoutMs: 30_000, progressIntervalMs: 20,
            inspect: async (filePath) => {
                const magic = (await fs.readFile(filePath)).subarray(0, 4).toString("latin1");
                if (magic !== "GGUF") throw new Error(`${filePath} is not GGUF`);
                this.inspected.push(filePath);
            },
            ...overrides
        });
        service.onEvent((event) => this.events.push(event));
        this.services.push(service);
        return service;
    }

    /** Disposes every service and reopens the database file, as quitting and starting the app does. */
    async restart(): Promise<void> {
        for (const service of this.services.splice(0)) await service.dispose();
        this.db.close();
        this.db = openDatabase(this.dbFile);
    }

    async partialFiles(): Promise<string[]> {
        return (await fs.readdir(this.partialRoot, { recursive: true }).catch(() => [] as string[])).map(String);
    }

    async modelFiles(): Promise<string[]> {
        return (await fs.readdir(this.modelsDir).catch(() => [] as string[])).filter((name) => name !== ".partial");
    }

    async dispose(): Promise<void> {
        for (const service of this.services.splice(0)) await service.dispose();
        await this.hub.stop();
        this.db.close();
        await fs.rm(this.dir, { recursive: true, force: true });
    }
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitUntil<T>(check: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = check();
        if (value !== undefined && value !== false) return value;
        if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

export function jobIn(service: ModelDownloadService, jobId: string, ...states: DownloadJob["state"][]): DownloadJob | undefined {
    const job = service.get(jobId);
    return states.includes(job.state) ? job : undefined;
}
