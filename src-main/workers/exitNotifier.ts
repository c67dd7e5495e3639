import type { WorkerExit } from "./WorkerProcess.js";

/**
 * WorkerProcess's exit contract, shared by every process API: listeners hear of the exit exactly once,
 * however many ways it is reported, and a listener added afterwards hears of it at once.
 */
export function exitNotifier(): { finish(exit: WorkerExit): void; onExit(listener: (exit: WorkerExit) => void): void; readonly exited: boolean } {
    const listeners: Array<(exit: WorkerExit) => void> = [];
    let exited: WorkerExit | undefined;
    return {
        finish(exit) {
            if (exited !== undefined) return;
            exited = exit;
            for (const listener of listeners) listener(exit);
        },
        onExit(listener) {
            if (exited !== undefined) listener(exited);
            else listeners.push(listener);
        },
        get exited() {
            return exited !== undefined;
        }
    };
}
