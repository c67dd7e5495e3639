/** A child process (git, cmake) exited with a failure; carries its output so CI logs show why. */
export class CommandFailedError extends Error {
    public constructor(
        public readonly command: string,
        public readonly exitCode: number | null,
        public readonly output: string
    ) {
        super(`Command failed (exit code ${String(exitCode)}): ${command}\n${output.slice(-4000)}`);
        this.name = "CommandFailedError";
    }
}

/** node-llama-cpp's bundled llama.cpp sources are missing, so nothing can be cloned or built. */
export class LlamaBundleNotFoundError extends Error {
    public constructor(public readonly bundlePath: string) {
        super(`llama.cpp source bundle not found at ${bundlePath}; run "npm ci" so node-llama-cpp is installed`);
        this.name = "LlamaBundleNotFoundError";
    }
}
