import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SoakChildLine } from "./soakTypes.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const entry = path.join(repoRoot, "tests/soak/soakChildEntry.ts");
const stderrTailChars = 4_000;

export type ChildExit = { code: number | null; signal: NodeJS.Signals | null };

/**
 * One run of the app under test (soakChildEntry.ts) in its own process group, so that the harness can tell
 * whether its worker processes (parser, trainer) outlive it after a kill.
 */
export class SoakChild {
    readonly lines: SoakChildLine[] = [];
    readonly exited: Promise<ChildExit>;
    readonly startedAt = performance.now();
    #stderr = "";
    #buffered = "";
    #waiters: Array<() => void> = [];
    readonly #process: ChildProcess;

    constructor(configFile: string) {
        this.#process = spawn(process.execPath, ["--import", "tsx", entry, configFile], {
            cwd: repoRoot, detached: true, stdio: ["ignore", "pipe", "pipe"],
            env: { ...process.env, LOCUS_GPU: "false", TSX_TSCONFIG_PATH: path.join(repoRoot, "tsconfig.node.json") }
        });
        this.#process.stdout!.setEncoding("utf8").on("data", (text: string) => this.#read(text));
        this.#process.stderr!.setEncoding("utf8").on("data", (text: string) => (this.#stderr = (this.#stderr + text).slice(-stderrTailChars)));
        this.exited = new Promise((resolve) => this.#process.once("exit", (code, signal) => {
            this.#wake();
            resolve({ code, signal });
        }));
    }

    get pid(): number {
        return this.#process.pid!;
    }

    get stderrTail(): string {
        return this.#stderr;
    }

    /** The first line matching `test`, waiting for it; null when the process ended or `timeoutMs` passed first. */
    async waitFor<T extends SoakChildLine>(test: (line: SoakChildLine) => line is T, timeoutMs: number): Promise<T | null> {
        const until = performance.now() + timeoutMs;
        let ended = false;
        void this.exited.then(() => (ended = true));
        for (;;) {
            const found = this.lines.find(test);
            if (found !== undefined) return found;
            if (ended || performance.now() > until) return null;
            await new Promise<void>((resolve) => {
                const timer = setTimeout(resolve, Math.max(1, until - performance.now()));
                this.#waiters.push(() => {
                    clearTimeout(timer);
                    resolve();
                });
            });
        }
    }

    kill(): void {
        this.#process.kill("SIGKILL");
    }

    /**
     * Waits up to `graceMs` for every process of the group (the app's workers) to end: returns how long that
     * took (ms), or null when something was left, which it then kills.
     */
    async reapGroup(graceMs: number): Promise<number | null> {
        const from = performance.now();
        const until = from + graceMs;
        while (performance.now() < until) {
            if (!groupAlive(this.pid)) return performance.now() - from;
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        try {
            process.kill(-this.pid, "SIGKILL");
        } catch {
            // ended meanwhile
        }
        return null;
    }

    #read(text: string): void {
        this.#buffered += text;
        let newline: number;
        while ((newline = this.#buffered.indexOf("\n")) >= 0) {
            const line = this.#buffered.slice(0, newline);
            this.#buffered = this.#buffered.slice(newline + 1);
            if (line.startsWith("{")) {
                try {
                    this.lines.push(JSON.parse(line) as SoakChildLine);
                } catch {
                    // a library's own output; not a harness line
                }
            }
        }
        this.#wake();
    }

    #wake(): void {
        for (const waiter of this.#waiters.splice(0)) waiter();
    }
}

function groupAlive(pgid: number): boolean {
    try {
        process.kill(-pgid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === "EPERM";
    }
}
