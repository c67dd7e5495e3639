import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BrowserHost } from "../../src-main/hosts/browser/BrowserHost.js";
import { handleIpcInvoke } from "../../src-main/hosts/electron/handleIpcInvoke.js";
import { bundledCatalog } from "../../src-main/models/bundledCatalog.js";
import { createServices, type Services, type ServicesOptions } from "../../src-main/services/createServices.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { libraryInvariantViolations } from "../support/invariants/libraryInvariants.js";
import { answerProblem } from "./checkAnswer.js";
import { IdPool } from "./IdPool.js";
import { Random } from "./Random.js";
import { runContractFuzz, type FuzzCall, type FuzzFailure } from "./runContractFuzz.js";
import { SocketClient } from "./SocketClient.js";
import { writeFuzzCorpus } from "./writeFuzzCorpus.js";

export type ContractFuzzSummary = {
    seed: number;
    calls: number;
    failures: number;
    websocket: { calls: number; failures: number; rawFrames: number; answers: Record<string, number> };
    ipc: { calls: number; failures: number; refusedSenders: number; answers: Record<string, number> };
    invariantViolations: string[];
    crashes: string[];
    seconds: number;
    /** The first failures, each with its method, how its input was broken, the input and what went wrong. */
    examples: FuzzFailure[];
};

export type ContractFuzzOptions = {
    /** Calls per transport (the WebSocket and the IPC handler each get this many). */
    calls: number;
    seed: number;
    /** Load the tiny synthetic chat and embedding models, so chat, indexing and training run for real. */
    withModels: boolean;
    log?: (line: string) => void;
};

/** Frames a client could send that are no request: each must be ignored with the socket kept open. */
const rawFrames: (string | Buffer)[] = [
    "", "not json", "{", "null", "[]", "42", "\"invoke\"", JSON.stringify({ type: "invoke" }), JSON.stringify({ type: "invoke", id: "1", method: "app.info" }),
    JSON.stringify({ type: "invoke", id: 1 }), JSON.stringify({ type: "invoke", id: 1e300, method: "app.info", args: {} }),
    JSON.stringify({ type: "result", id: 1, result: { ok: true } }), JSON.stringify({ type: "event", event: "chat.token", payload: {} }),
    JSON.stringify({ __proto__: { type: "invoke" }, id: 2 }), Buffer.from([0xff, 0xfe, 0x00, 0x01]), "{\"type\":\"invoke\",\"id\":3,\"method\":\"app.info\",\"args\":" + "[".repeat(5000)
];

/**
 * The contract fuzzer: real services on a sandbox data folder, driven over the browser host's WebSocket and
 * through the Electron host's IPC handler, then the library invariants checked on both databases.
 */
export async function fuzzContract(options: ContractFuzzOptions): Promise<ContractFuzzSummary> {
    const started = performance.now();
    const log = options.log ?? (() => undefined);
    const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "locus-fuzz-"));
    const crashes: string[] = [];
    const onCrash = (error: unknown) => crashes.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    process.on("uncaughtException", onCrash);
    process.on("unhandledRejection", onCrash);
    const disposables: Array<() => Promise<void> | void> = [];
    try {
        const corpus = writeFuzzCorpus(path.join(sandbox, "corpus"));
        const models = options.withModels
            ? { chat: await ensureSyntheticModel("tiny-q8_0"), embed: await ensureSyntheticModel("tiny-embed") }
            : null;
        const catalogIds = bundledCatalog().models.map((model) => model.id);
        const base = (name: string): ServicesOptions => ({
            dataDir: path.join(sandbox, name), host: name === "ipc" ? "electron" : "browser",
            engine: { gpu: false, contextSize: 512, threads: 1 }, maxAnswerTokens: 8,
            // A closed port: a download fails at once as "offline", and nothing leaves the machine.
            hubEndpoint: "http://127.0.0.1:9/",
            training: { maxSteps: 1, windowTokens: 64 },
            advisor: { probesPerLevel: 2, generationSample: 0, compress: false }
        });

        // Over the browser host's WebSocket.
        const browser = await createServices(base("websocket"));
        disposables.push(() => browser.dispose());
        const rendererDir = path.join(sandbox, "renderer");
        fs.mkdirSync(rendererDir);
        fs.writeFileSync(path.join(rendererDir, "index.html"), "<h1>Locus</h1>");
        const host = new BrowserHost({ services: browser, rendererDir });
        const url = new URL(await host.listen());
        disposables.push(() => host.close());
        const socketUrl = `ws://${url.host}/ws?token=${host.token}`;
        let client = await SocketClient.connect(socketUrl, url.origin);
        disposables.push(() => client.close());
        const overSocket: FuzzCall = async (method, args) => {
            if (client.closed !== null) client = await SocketClient.connect(socketUrl, url.origin);
            return client.invoke(method, args);
        };
        const socketIds = new IdPool();
        await prepare(overSocket, socketIds, models, corpus.documents);
        let rawFailures = 0;
        for (const frame of rawFrames) client.sendRaw(frame);
        const afterRaw = await overSocket("app.info", {});
        if (answerProblem(afterRaw) !== null || client.closed !== null) rawFailures++;
        log(`websocket: fuzzing ${options.calls} calls`);
        const socketReport = await runContractFuzz({
            calls: options.calls, call: overSocket, context: { random: new Random(options.seed), ids: socketIds, paths: corpus.paths, catalogIds }
        });

        // Through the Electron host's IPC handler, with native dialogs that pick from the corpus.
        const random = new Random(options.seed ^ 0x5eed);
        const electron = await createServices({
            ...base("ipc"),
            pickModelFile: async () => (models === null || random.chance(0.5) ? null : random.pick([models.chat, models.embed])),
            pickDocuments: async () => (random.chance(0.3) ? [] : [random.pick(corpus.documents)]),
            pickPairsFile: async () => (random.chance(0.5) ? null : corpus.pairsFile),
            openFile: async () => undefined
        });
        disposables.push(() => electron.dispose());
        const app = { frameUrl: "locus://app/index.html", isMainFrame: true };
        const overIpc: FuzzCall = (method, args) => handleIpcInvoke(electron.dispatcher, app, method, args);
        const ipcIds = new IdPool();
        await prepare(overIpc, ipcIds, models, [], electron);
        let refusedSenders = 0;
        for (const sender of [{ frameUrl: "locus://app/index.html", isMainFrame: false }, { frameUrl: "https://evil.example/", isMainFrame: true }, { frameUrl: "locus://app.evil/", isMainFrame: true }]) {
            const answer = (await handleIpcInvoke(electron.dispatcher, sender, "chats.list", {})) as { ok: boolean; error?: { kind: string } };
            if (!answer.ok && answer.error?.kind === "forbidden") refusedSenders++;
        }
        log(`ipc: fuzzing ${options.calls} calls`);
        const ipcReport = await runContractFuzz({
            calls: options.calls, call: overIpc, cloneOnly: true, context: { random, ids: ipcIds, paths: corpus.paths, catalogIds }
        });

        log("settling: stopping runs and waiting for indexing");
        await settle(browser);
        await settle(electron);
        const invariantViolations = [
            ...libraryInvariantViolations(path.join(sandbox, "websocket", "locus.sqlite")).map((text) => `websocket: ${text}`),
            ...libraryInvariantViolations(path.join(sandbox, "ipc", "locus.sqlite")).map((text) => `ipc: ${text}`)
        ];
        const failures = [...socketReport.failures, ...ipcReport.failures];
        if (rawFailures > 0) failures.push({ method: "(raw frames)", mutation: "not-an-object", args: "", problem: "the socket closed or stopped answering after frames that are no request" });
        if (refusedSenders !== 3) failures.push({ method: "(ipc sender)", mutation: "none", args: "", problem: `only ${refusedSenders} of 3 foreign senders were refused` });
        return {
            seed: options.seed,
            calls: socketReport.calls + ipcReport.calls + rawFrames.length,
            failures: failures.length + crashes.length + invariantViolations.length,
            websocket: { calls: socketReport.calls, failures: socketReport.failures.length, rawFrames: rawFrames.length, answers: socketReport.answers },
            ipc: { calls: ipcReport.calls, failures: ipcReport.failures.length, refusedSenders, answers: ipcReport.answers },
            invariantViolations, crashes, seconds: Math.round((performance.now() - started) / 100) / 10,
            examples: failures.slice(0, 20)
        };
    } finally {
        for (const dispose of disposables.reverse()) await Promise.resolve(dispose()).catch(() => undefined);
        process.off("uncaughtException", onCrash);
        process.off("unhandledRejection", onCrash);
        fs.rmSync(sandbox, { recursive: true, force: true });
    }
}

/** Models added (chat loaded, embedding chosen) and documents queued, so the ids of real objects are known. */
async function prepare(
    call: FuzzCall, ids: IdPool, models: { chat: string; embed: string } | null, documents: readonly string[], services?: Services
): Promise<void> {
    const value = async (method: string, args: unknown): Promise<unknown> => {
        const answer = (await call(method, args)) as { ok: boolean; value?: unknown; error?: { message: string } };
        if (!answer.ok) throw new Error(`${method} failed while preparing the fuzz run: ${answer.error?.message}`);
        ids.harvest(method, answer.value);
        return answer.value;
    };
    if (models !== null) {
        // The Electron host takes model files from its native dialog only: added here as that dialog would.
        const add = async (file: string) => (services ? services.models.addFromPath(file) : ((await value("models.addFromPath", { path: file })) as { id: string }));
        const chat = await add(models.chat);
        const embed = await add(models.embed);
        ids.harvest("models.list", [chat, embed]);
        await value("models.load", { modelId: chat.id });
        await value("settings.update", { embeddingModelId: embed.id });
    }
    if (documents.length > 0) await value("library.addPaths", { paths: [...documents] });
    await value("chats.create", { title: "Fuzz" });
    await value("collections.create", { name: "Fuzz collection" });
    await value("backups.create", {});
    for (const method of ["library.list", "chats.list", "models.list", "adapters.list", "downloads.list", "advisor.list", "backups.list"]) await value(method, {});
}

/** Stops what the fuzzing started (training, the Advisor, answers) and waits until indexing is idle. */
async function settle(services: Services): Promise<void> {
    const call = (method: string, args: unknown = {}) => services.dispatcher.dispatch(method, args);
    await call("training.cancel");
    await call("advisor.cancel");
    const chats = await call("chats.list");
    if (chats.ok) for (const chat of chats.value as { id: string }[]) await call("chats.stop", { chatId: chat.id });
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
        const training = await call("training.status");
        const advisor = await call("advisor.status");
        const busy = (training.ok && ["preparing", "training", "saving"].includes((training.value as { state?: string } | null)?.state ?? ""))
            || (advisor.ok && (advisor.value as { state?: string } | null)?.state === "running");
        if (!busy) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await services.library.ingest.idle();
}
