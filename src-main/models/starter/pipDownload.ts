import { spawn } from "node:child_process";

export type PipOptions = {
    /** The Python that runs pip (default: $LOCUS_PYTHON, else python3; python on Windows). */
    python?: string;
    /** Extra arguments for `pip download` (tests point it at a local folder with --no-index --find-links). */
    extraArgs?: readonly string[];
};

/**
 * `pip download --no-deps` of one pinned package into `destDir`: a binary wheel only, no dependencies,
 * nothing installed, pip's own cache bypassed (a file fetched again after a bad hash must really be
 * fetched again). Rejects with pip's last lines of output.
 */
export function pipDownload(name: string, version: string, destDir: string, options: PipOptions = {}): Promise<void> {
    const python = options.python ?? process.env["LOCUS_PYTHON"] ?? (process.platform === "win32" ? "python" : "python3");
    const args = [
        "-m", "pip", "download", `${name}==${version}`, "--no-deps", "--only-binary=:all:", "--no-cache-dir",
        "--disable-pip-version-check", "--timeout", "20", "--retries", "2", "--dest", destDir, ...(options.extraArgs ?? [])
    ];
    return new Promise((resolve, reject) => {
        const child = spawn(python, args, { stdio: ["ignore", "pipe", "pipe"] });
        const output: Buffer[] = [];
        child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
        child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
        child.on("error", (error) => reject(new Error(`${python} could not be started (${error.message}); install Python 3 with pip`)));
        child.on("close", (code) => {
            if (code === 0) return resolve();
            const lines = Buffer.concat(output).toString("utf8").trim().split("\n").filter((line) => line.trim() !== "");
            reject(new Error(lines.slice(-3).join(" | ") || `pip exited with code ${code}`));
        });
    });
}
