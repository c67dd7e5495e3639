import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

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

describe("watchParent", () => {
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
