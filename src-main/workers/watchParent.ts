import { Worker } from "node:worker_threads";
import { isProcessAlive } from "./isProcessAlive.js";

/** Runs in its own thread, so it keeps watching while the worker's main thread is busy. */
const watcherSource = `
const { workerData } = require("node:worker_threads");
setInterval(() => {
    let gone = process.ppid !== workerData.parent;
    if (!gone) {
        try { process.kill(workerData.parent, 0); } catch { gone = true; }
    }
    if (gone) process.kill(workerData.self, "SIGKILL");
}, workerData.intervalMs);
`;

let watching = false;

/** Set by forkWorkerProcess: the pid of the process that started this worker. */
export const parentPidVariable = "LOCUS_PARENT_PID";

/**
 * The process to watch. The pid the starter passed, when it is still our parent or already gone: a worker
 * whose starter died while it was still loading has been re-parented (to init) by the time it looks, so
 * its own parent pid would name a process that never goes away. Otherwise (an Electron utility process,
 * whose parent may be a helper of the app) the parent pid.
 */
export function parentToWatch(passed: string | undefined, ppid: number, alive: (pid: number) => boolean): number {
    const pid = Number(passed);
    if (!Number.isInteger(pid) || pid <= 1) return ppid;
    return pid === ppid || !alive(pid) ? pid : ppid;
}

/**
 * Ends this worker process soon after the process that started it is gone (killed, crashed), even while the
 * worker's main thread is stuck in a long synchronous parse or a native training step: the IPC channel's
 * "disconnect" event only arrives once that thread is free, and a parser or trainer left running after the
 * app died would keep using the cores and files (found by the crash-loop soak). A small thread checks the
 * parent every `intervalMs`: its pid changes when the process is re-parented (POSIX), and a signal-0 probe
 * fails once it no longer exists (Windows too).
 */
export function watchParent(intervalMs = 250): void {
    if (watching) return;
    watching = true;
    // No execArgv of the process (an --eval, loaders): the watcher is plain CommonJS.
    const parent = parentToWatch(process.env[parentPidVariable], process.ppid, isProcessAlive);
    const watcher = new Worker(watcherSource, { eval: true, execArgv: [], workerData: { parent, self: process.pid, intervalMs } });
    watcher.unref();
}
