import { fork } from "node:child_process";
import { exitNotifier } from "./exitNotifier.js";
import { parentPidVariable } from "./watchParent.js";
import type { WorkerProcess, WorkerSpawnOptions } from "./WorkerProcess.js";

const stderrTailChars = 8_192;

/** Runs a worker as a Node child process (child_process.fork) with an IPC channel. */
export function forkWorkerProcess(options: WorkerSpawnOptions): WorkerProcess {
    const child = fork(options.modulePath, [], {
        execArgv: options.execArgv,
        // The worker watches this pid (watchParent): its own parent pid already points elsewhere if this process
        // died before the worker got that far.
        env: { ...(options.env ?? process.env), [parentPidVariable]: String(process.pid) },
        // "advanced" (structured clone) carries large strings without a JSON round trip.
        serialization: "advanced",
        // stdout is ignored so a chatty library in the child cannot corrupt a CLI's output;
        // stderr is kept to explain crashes.
        stdio: ["ignore", "ignore", "pipe", "ipc"]
    });

    let stderrTail = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
        stderrTail = (stderrTail + chunk).slice(-stderrTailChars);
    });

    const exit = exitNotifier();
    const finish = exit.finish;
    // "close" rather than "exit": it fires after stderr is drained, so the tail is complete.
    child.on("close", (code, signal) => finish({ code, signal, stderrTail }));
    child.on("error", (error) => {
        finish({ code: null, signal: null, stderrTail, error });
        child.kill("SIGKILL");
    });

    return {
        send(message) {
            // A child that died between our check and this call makes send throw or emit "error";
            // both end in finish(), so the caller learns of it through onExit.
            child.send(message as Parameters<typeof child.send>[0], (error) => {
                if (error) {
                    finish({ code: null, signal: null, stderrTail, error });
                    child.kill("SIGKILL");
                }
            });
        },
        kill() {
            child.kill("SIGKILL");
        },
        onMessage(listener) {
            child.on("message", listener);
        },
        onExit: exit.onExit
    };
}
