import { utilityProcess } from "electron";
import { exitNotifier } from "../../workers/exitNotifier.js";
import type { WorkerProcess, WorkerSpawnOptions } from "../../workers/WorkerProcess.js";

const stderrTailChars = 8_192;

/**
 * Runs a worker (trainer, parser) as an Electron utility process: a Node process of Electron's own, which
 * needs no ELECTRON_RUN_AS_NODE and dies with the app. Messages are structured clones, as with fork.
 */
export function utilityWorkerProcess(options: WorkerSpawnOptions): WorkerProcess {
    const child = utilityProcess.fork(options.modulePath, [], {
        execArgv: options.execArgv,
        env: options.env ?? process.env,
        serviceName: options.serviceName,
        // stdout is ignored (a chatty library cannot flood the app's log); stderr explains crashes.
        stdio: ["ignore", "ignore", "pipe"]
    });

    let stderrTail = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
        stderrTail = (stderrTail + chunk).slice(-stderrTailChars);
    });

    const exit = exitNotifier();
    const finish = exit.finish;
    // Electron reports only an exit code; a crash (e.g. a native abort) shows as a non-zero one.
    child.once("exit", (code) => finish({ code, signal: null, stderrTail }));

    return {
        send(message) {
            if (exit.exited) return;
            try {
                child.postMessage(message);
            } catch (error) {
                finish({ code: null, signal: null, stderrTail, error: error instanceof Error ? error : new Error(String(error)) });
                child.kill();
            }
        },
        kill() {
            child.kill();
        },
        onMessage(listener) {
            child.on("message", listener);
        },
        onExit: exit.onExit
    };
}
