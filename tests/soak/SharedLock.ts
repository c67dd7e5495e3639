import { spawn, type ChildProcess } from "node:child_process";

/**
 * The machine's shared llama.cpp lock (flock(1) on a file), taken and released during a long soak so that
 * it holds the cores for a bounded stretch at a time: a `flock FILE` process keeps it while its stdin is open.
 */
export class SharedLock {
    #holder: ChildProcess | null = null;

    constructor(readonly file: string) {}

    async acquire(): Promise<void> {
        if (this.#holder !== null) return;
        const holder = spawn("flock", [this.file, "sh", "-c", "echo locked; exec cat >/dev/null"], { stdio: ["pipe", "pipe", "inherit"] });
        this.#holder = holder;
        await new Promise<void>((resolve, reject) => {
            holder.stdout!.once("data", () => resolve());
            holder.once("exit", (code) => reject(new Error(`flock ${this.file} ended (code ${String(code)}) before taking the lock`)));
        });
    }

    async release(): Promise<void> {
        const holder = this.#holder;
        if (holder === null) return;
        this.#holder = null;
        const ended = new Promise((resolve) => holder.once("exit", resolve));
        holder.stdin!.end();
        await ended;
    }
}
