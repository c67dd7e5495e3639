// Runs in a plain Node process started by pack:check (runPackagedApp.ts), with `electron` resolved to the
// shim and process.resourcesPath pointing at the laid-out app: imports the packaged main entry as Electron
// would start it, then drives it through the same IPC handler the window uses. Prints one line,
// "PROBE_RESULT <json>", with what it saw; pack:check judges it.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

type Result<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
type Handler = (event: unknown, method: string, args: unknown) => Promise<Result<unknown>>;
type ShimModule = {
    shimState: {
        handlers: Map<string, Handler>; windows: Array<{ webContents: { mainFrame: { url: string } } }>; dialogPaths: string[];
        errorBoxes: string[]; quitRequested: boolean; singleInstanceLockRequests: number;
    };
    app: { quit(): void };
};
type Document = { id: string; displayName: string; status: string; statusReason: string | null; chunkCount: number };
type MissingPart = { part: string; problem: string; disables: string; fix: string };
type Run = { state: string; step: number; error?: string | null; stoppedBy?: string | null };

const resources = requiredEnv("LOCUS_SHIM_RESOURCES");
const userData = requiredEnv("LOCUS_SHIM_USER_DATA");
const documents = JSON.parse(requiredEnv("LOCUS_PROBE_DOCUMENTS")) as string[];
const scenario = requiredEnv("LOCUS_PROBE_SCENARIO") as "complete" | "damaged";
const report: Record<string, unknown> = { scenario };
const started = performance.now();
const elapsed = (): number => Math.round(performance.now() - started);

const shim = (await import(requiredEnv("LOCUS_SHIM_ELECTRON"))) as ShimModule;
// An installed app's command line: its executable alone (documents would follow it).
process.argv = [path.join(path.dirname(resources), "locus")];
await import(pathToFileURL(path.join(resources, "app.asar", "out", "main", "index.js")).href);
await until("the main window", 120_000, () => {
    if (shim.shimState.errorBoxes.length > 0) throw new Error(`The app did not start: ${shim.shimState.errorBoxes.join("; ")}`);
    return shim.shimState.windows.length > 0;
});
report["servicesStartedMs"] = elapsed();
report["singleInstanceLockRequested"] = shim.shimState.singleInstanceLockRequests > 0;

const frame = shim.shimState.windows[0]!.webContents.mainFrame;
const handler = shim.shimState.handlers.get("locus:invoke");
if (handler === undefined) throw new Error("the main process registered no IPC handler");
const call = async <T>(method: string, args: unknown = {}): Promise<Result<T>> =>
    (await handler({ senderFrame: frame, sender: { mainFrame: frame } }, method, args)) as Result<T>;
const value = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const result = await call<T>(method, args);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    return result.value;
};

const info = await value<{ missingParts: MissingPart[]; host: string }>("app.info");
report["host"] = info.host;
report["missingParts"] = info.missingParts;
report["databaseFile"] = fs.existsSync(path.join(userData, "locus.sqlite"));
const settings = await value<{ setupDone: boolean; embeddingModelId: string | null; chatModelId: string | null }>("settings.get");
report["firstLaunchShowsWizard"] = settings.setupDone === false;
const models = await value<Array<{ id: string; displayName: string; role?: string }>>("models.list");
report["models"] = models.map((model) => model.displayName);
report["embeddingModelChosen"] = settings.embeddingModelId !== null;
report["chat"] = (await call("chats.create", { title: "pack:check" })).ok;

// Documents, as "Add documents" picks them in the app: parsed in the worker, embedded, stored with vectors.
shim.shimState.dialogPaths = documents;
await value("library.addWithDialog", {});
let library: Document[] = [];
let blockedReason: string | null = null;
await until("the documents to be indexed or fail", 150_000, async () => {
    library = await value<Document[]>("library.list");
    // A library-wide problem (no embedding model, no vector search) blocks the queue and keeps it for later.
    blockedReason = (await value<{ blockedReason: string | null }>("library.progress")).blockedReason;
    return library.length === documents.length && (blockedReason !== null || library.every((doc) => doc.status === "indexed" || doc.status === "failed"));
}, async () => JSON.stringify({ documents: library, progress: await call("library.progress"), settings: await call("settings.get") }));
report["documents"] = library.map((doc) => ({ name: doc.displayName, status: doc.status, chunks: doc.chunkCount, reason: doc.statusReason }));
report["indexingBlockedBy"] = blockedReason;
report["indexedMs"] = elapsed();

// Personalize: the trainer worker loads the addon from resources/trainer and takes one optimizer step.
const start = await call<Run>("training.start", { budgetMinutes: 1, name: "pack-check" });
if (!start.ok) {
    report["training"] = { started: false, kind: start.error.kind, message: start.error.message };
} else {
    let run: Run | null = start.value;
    await until("the first training step", 240_000, async () => {
        run = await value<Run | null>("training.status");
        return run === null || run.step >= 1 || ["done", "cancelled", "failed"].includes(run.state);
    });
    const firstStep = run as Run | null;
    await call("training.cancel");
    await until("the training run to end", 120_000, async () => {
        run = await value<Run | null>("training.status");
        return run === null || ["done", "cancelled", "failed"].includes(run.state);
    });
    const last = run as Run | null;
    report["training"] = { started: true, steps: firstStep?.step ?? 0, state: last?.state ?? null, error: last?.error ?? null };
}
report["trainedMs"] = elapsed();

// Quit as the app does: services disposed, then the database is closed and migrated to the latest version.
shim.app.quit();
await until("the app to quit", 60_000, () => shim.shimState.quitRequested);
const Database = createRequire(path.join(resources, "app.asar", "package.json"))("better-sqlite3") as new (file: string, options: object) => {
    pragma(text: string, options: object): unknown; close(): void;
};
const db = new Database(path.join(userData, "locus.sqlite"), { readonly: true });
report["schemaVersion"] = db.pragma("user_version", { simple: true });
db.close();
report["totalMs"] = elapsed();
process.stdout.write(`PROBE_RESULT ${JSON.stringify(report)}\n`);
process.exit(0);

async function until(what: string, timeoutMs: number, done: () => boolean | Promise<boolean>, state?: () => Promise<string>): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
        if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}${state ? `; last seen: ${await state()}` : ""}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
}

function requiredEnv(name: string): string {
    const found = process.env[name];
    if (!found) throw new Error(`${name} is not set`);
    return found;
}
