import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { ChildWorker } from "../../../src-main/workers/ChildWorker.js";
import { WorkerCrashedError } from "../../../src-main/workers/WorkerCrashedError.js";
import { WorkerDisposedError } from "../../../src-main/workers/WorkerDisposedError.js";
import { WorkerRemoteError } from "../../../src-main/workers/WorkerRemoteError.js";
import { WorkerTimeoutError } from "../../../src-main/workers/WorkerTimeoutError.js";
import { workerEntry } from "../../../src-main/workers/workerEntry.js";
import type { TestRequest } from "./fixtures/testWorker.js";

const fixtureUrl = new URL("./fixtures/placeholder.ts", import.meta.url).href;
const workers: Array<ChildWorker<TestRequest, string, number>> = [];

function startWorker(heapLimitMb = 256): ChildWorker<TestRequest, string, number> {
    const worker = new ChildWorker<TestRequest, string, number>({
        name: "test worker",
        entry: workerEntry(fixtureUrl, "testWorker"),
        heapLimitMb,
        parseResult: (value) => {
            if (typeof value !== "string") throw new TypeError("expected a string");
            return value;
        },
        parseProgress: (value) => Number(value)
    });
    workers.push(worker);
    return worker;
}

const quick = { timeoutMs: 10_000, task: "testing", hint: "Try again." };

afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.dispose()));
});

describe("ChildWorker", { timeout: 60_000 }, () => {
    it("answers requests in a child process and reuses it", async () => {
        const worker = startWorker();
        const first = await worker.request({ type: "echo", value: "a" }, quick);
        const second = await worker.request({ type: "echo", value: "b" }, quick);
        expect(first).toMatch(/^echo:a:\d+$/);
        expect(second.split(":")[2]).toBe(first.split(":")[2]);
        expect(Number(first.split(":")[2])).not.toBe(process.pid);
    });

    it("runs queued requests one at a time, in order", async () => {
        const worker = startWorker();
        const results = await Promise.all(["1", "2", "3"].map((value) => worker.request({ type: "echo", value }, quick)));
        expect(results.map((result) => result.split(":")[1])).toEqual(["1", "2", "3"]);
    });

    it("a request whose progress restarts its time limit runs past it step by step; without that it times out", async () => {
        const worker = startWorker();
        const slow = { type: "slow-progress" as const, steps: 5, delayMs: 500 };
        await expect(worker.request(slow, { ...quick, timeoutMs: 1_500, progressRestartsTimeout: true })).resolves.toBe("done");
        await expect(worker.request(slow, { ...quick, timeoutMs: 1_500 })).rejects.toMatchObject({ name: "WorkerTimeoutError" });
    }, 30_000);

    it("delivers progress reports of the request", async () => {
        const worker = startWorker();
        const seen: number[] = [];
        await worker.request({ type: "progress", steps: 3 }, { ...quick, onProgress: (step) => seen.push(step) });
        expect(seen).toEqual([1, 2, 3]);
    });

    it("kills a hung child at the time limit, reports a timeout, and serves the next request from a new child", async () => {
        const worker = startWorker();
        const before = await worker.request({ type: "echo", value: "x" }, quick);
        const started = Date.now();
        const hung = worker.request({ type: "hang" }, { timeoutMs: 300, task: 'parsing "loop.pdf"', hint: "Try again." });
        await expect(hung).rejects.toBeInstanceOf(WorkerTimeoutError);
        await expect(hung).rejects.toMatchObject({ kind: "timeout", message: expect.stringContaining('Parsing "loop.pdf" took longer than 300 ms') });
        expect(Date.now() - started).toBeLessThan(5_000);
        const after = await worker.request({ type: "echo", value: "y" }, quick);
        expect(after.split(":")[2]).not.toBe(before.split(":")[2]);
    });

    it("fails only the request whose child exited, then restarts", async () => {
        const worker = startWorker();
        const crashed = worker.request({ type: "exit", code: 7 }, quick);
        const next = worker.request({ type: "echo", value: "after" }, quick);
        await expect(crashed).rejects.toBeInstanceOf(WorkerCrashedError);
        await expect(crashed).rejects.toMatchObject({ kind: "worker-crashed", details: { reason: "exited", exitCode: 7 } });
        await expect(next).resolves.toMatch(/^echo:after:/);
    });

    it("reports a child that runs out of heap as out of memory", async () => {
        const worker = startWorker(64);
        const request = worker.request({ type: "exhaust-memory" }, { ...quick, timeoutMs: 50_000 });
        await expect(request).rejects.toMatchObject({
            name: "WorkerCrashedError",
            details: { reason: "out-of-memory", heapLimitMb: 64 },
            message: expect.stringContaining("ran out of memory (limit 64 MB)")
        });
        await expect(worker.request({ type: "echo", value: "alive" }, quick)).resolves.toMatch(/^echo:alive:/);
    });

    it("carries a thrown error's name, kind, message and details across the process boundary", async () => {
        const worker = startWorker();
        const failed = worker.request({ type: "throw-named" }, quick);
        await expect(failed).rejects.toBeInstanceOf(WorkerRemoteError);
        await expect(failed).rejects.toMatchObject({
            name: "FixtureLimitError",
            kind: "fixture-limit",
            message: '"x.bin" is over the limit of 3. Make it smaller.',
            details: { fileName: "x.bin", limit: 3 }
        });
    });

    it("treats a malformed reply as a protocol violation and restarts the child", async () => {
        const worker = startWorker();
        await expect(worker.request({ type: "send-garbage" }, quick)).rejects.toMatchObject({
            details: { reason: "protocol-violation" }
        });
        await expect(worker.request({ type: "echo", value: "ok" }, quick)).resolves.toMatch(/^echo:ok:/);
    });

    it("fails pending and queued requests on dispose, and refuses new ones", async () => {
        const worker = startWorker();
        const hung = worker.request({ type: "hang" }, quick);
        const queued = worker.request({ type: "echo", value: "never" }, quick);
        const outcomes = Promise.allSettled([hung, queued]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await worker.dispose();
        for (const outcome of await outcomes) {
            expect(outcome).toMatchObject({ status: "rejected", reason: expect.any(WorkerDisposedError) });
        }
        await expect(worker.request({ type: "echo", value: "late" }, quick)).rejects.toBeInstanceOf(WorkerDisposedError);
    });
});

describe("workerEntry", () => {
    it("forks the TypeScript entry through tsx when running from sources", () => {
        const entry = workerEntry(pathToFileURL("/app/src-main/ingest/parse/ParserClient.ts").href, "parserWorker");
        expect(entry.modulePath).toBe("/app/src-main/ingest/parse/parserWorker.ts");
        expect(entry.execArgv[0]).toBe("--import");
        expect(entry.execArgv[1]).toMatch(/tsx/);
    });

    it("forks the built sibling in out/main when running from the electron-vite build", () => {
        expect(workerEntry(pathToFileURL("/app/out/main/index.js").href, "parserWorker")).toEqual({
            modulePath: "/app/out/main/parserWorker.js",
            execArgv: []
        });
        expect(workerEntry(pathToFileURL("/app/out/main/chunks/shared-1a2b.js").href, "parserWorker").modulePath).toBe(
            "/app/out/main/parserWorker.js"
        );
    });

    it("finds the fixture entry used by these tests", () => {
        expect(workerEntry(fixtureUrl, "testWorker").modulePath).toBe(fileURLToPath(new URL("./fixtures/testWorker.ts", import.meta.url)));
    });
});
