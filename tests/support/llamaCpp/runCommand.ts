import { spawn } from "node:child_process";
import { CommandFailedError } from "./errors.js";

export type RunCommandOptions = {
    cwd?: string,
    /** Stream the child's output to this process's stderr (long builds), besides capturing it. */
    echo?: boolean
};

/** Runs a command without a shell and resolves with its stdout; rejects with CommandFailedError. */
export function runCommand(command: string, args: readonly string[], options: RunCommandOptions = {}): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
        const stdout: Buffer[] = [];
        const all: Buffer[] = [];
        child.stdout.on("data", (chunk: Buffer) => {
            stdout.push(chunk);
            all.push(chunk);
            if (options.echo) process.stderr.write(chunk);
        });
        child.stderr.on("data", (chunk: Buffer) => {
            all.push(chunk);
            if (options.echo) process.stderr.write(chunk);
        });
        child.on("error", (error) => reject(new CommandFailedError([command, ...args].join(" "), null, error.message)));
        child.on("close", (code) => {
            if (code === 0) resolve(Buffer.concat(stdout).toString("utf8"));
            else reject(new CommandFailedError([command, ...args].join(" "), code, Buffer.concat(all).toString("utf8")));
        });
    });
}
