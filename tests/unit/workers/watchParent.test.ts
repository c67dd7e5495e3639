import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parentToWatch } from "../../../src-main/workers/watchParent.js";

const root = path.resolve(import.meta.dirname, "../../..");
const watchParentUrl = new URL("../../../src-main/workers/watchParent.ts", import.meta.url).href;

/** A worker whose main thread is stuck in synchronous work (a long parse, a native training step). */
const busyWorker = `
import { watchParent } from ${JSON.stringify(watchParentUrl)};
watchParent(100);
process.send("ready");
const end = Date.now() + 30_000;
while (Date.now() < end) {}
`;

/** A worker still loading when the app dies: it reports its pid, and looks for its parent only 1.5 s later. */
const slowWorker = `
import { watchParent } from ${JSON.stringify(watchParentUrl)};
process.send("ready");
setTimeout(() => watchParent(100), 1_500);
setInterval(() => {}, 1000);
`;

/** An app that starts a slow worker the way forkWorkerProcess does (its own pid passed), then waits to be killed. */
const slowApp = `
const { fork } = require("node:child_process");
const worker = fork("--input-type=module", {
    execArgv: ["--import", "tsx", "--input-type=module", "--eval", ${JSON.stringify(slowWorker)}], cwd: ${JSON.stringify(root)},
    env: { ...process.env, LOCUS_PARENT_PID: String(process.pid) }
});
worker.on("message", () => console.log(worker.pid));
setInterval(() => {}, 1000);
`;

/** The app: starts the worker, reports its pid, then waits to be killed. */
const app = `
const { fork } = require("node:child_process");
const worker = fork("--input-type=module", { execArgv: ["--import", "tsx", "--input-type=module", "--eval", ${JSON.stringify(busyWorker)}], cwd: ${JSON.stringify(root)} });
worker.on("message", () => console.log(worker.pid));
setInterval(() => {}, 1000);
`;

/** Running: a process that has exited but was not yet reaped by its new parent (a zombie) counts as gone. */
function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
    } catch {
        return false;
    }
    if (process.platform !== "linux") return true;
    try {
        return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${String(pid)}/status`, "utf8"));
    } catch {
        return false;
    }
}

async function workerOf(appSource: string): Promise<{ parent: ReturnType<typeof spawn>; workerPid: number }> {
    const parent = spawn(process.execPath, ["-e", appSource], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    const workerPid = await new Promise<number>((resolve, reject) => {
        parent.stdout!.on("data", (data: Buffer) => resolve(Number(data.toString().trim())));
        parent.on("exit", () => reject(new Error("the app exited before its worker started")));
    });
    return { parent, workerPid };
}

describe("parentToWatch", () => {
    const alivePids = new Set([100, 200]);
    const isAlive = (pid: number) => alivePids.has(pid);
    it("watches the pid the app passed while it is the parent, or once it is gone (the worker was re-parented)", () => {
        expect(parentToWatch("100", 100, isAlive)).toBe(100);
        expect(parentToWatch("300", 1, isAlive)).toBe(300);
    });
    it("falls back to the parent pid when none was passed, or the one passed is alive but not the parent (an Electron helper)", () => {
        expect(parentToWatch(undefined, 100, isAlive)).toBe(100);
        expect(parentToWatch("x", 100, isAlive)).toBe(100);
        expect(parentToWatch("1", 100, isAlive)).toBe(100);
        expect(parentToWatch("200", 100, isAlive)).toBe(100);
    });
});

describe("watchParent", () => {
    it("ends a worker whose app died while it was still loading, once it starts watching", async () => {
        const { parent, workerPid } = await workerOf(slowApp);
        parent.kill("SIGKILL");
        const killedAt = Date.now();
        while (alive(workerPid) && Date.now() - killedAt < 8_000) await new Promise((resolve) => setTimeout(resolve, 50));
        try {
            expect(alive(workerPid)).toBe(false);
        } finally {
            if (alive(workerPid)) process.kill(workerPid, "SIGKILL");
        }
    }, 30_000);

    it("ends a worker whose main thread is busy within a second of the app being killed", async () => {
        const parent = spawn(process.execPath, ["-e", app], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
        const workerPid = await new Promise<number>((resolve, reject) => {
            parent.stdout.on("data", (data: Buffer) => resolve(Number(data.toString().trim())));
            parent.on("exit", () => reject(new Error("the app exited before its worker started")));
        });
        expect(alive(workerPid)).toBe(true);
        parent.kill("SIGKILL");
        const killedAt = Date.now();
        while (alive(workerPid) && Date.now() - killedAt < 5_000) await new Promise((resolve) => setTimeout(resolve, 50));
        try {
            expect(alive(workerPid)).toBe(false);
            expect(Date.now() - killedAt).toBeLessThan(1_500);
        } finally {
            if (alive(workerPid)) process.kill(workerPid, "SIGKILL");
        }
    }, 30_000);
});
