import { Worker } from "node:worker_threads";

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
    const watcher = new Worker(watcherSource, { eval: true, execArgv: [], workerData: { parent: process.ppid, self: process.pid, intervalMs } });
    watcher.unref();
}
