import fs from "node:fs/promises";
import path from "node:path";
import { ensureLlamaSource, bundleHeadCommit } from "./ensureLlamaSource.js";
import { pathExists } from "./pathExists.js";
import { llamaServerBuildDir } from "./repoPaths.js";
import { runCommand } from "./runCommand.js";

/**
 * CMake options for the reference llama-server, as for llama-bench (native CPU code, ggml's own thread
 * pool, no OpenSSL), plus the server. Its web UI is neither built (npm) nor downloaded from the hub:
 * the tests use the API only, and the machines that run them reach no model hub.
 */
const cmakeOptions = [
    "-DCMAKE_BUILD_TYPE=Release",
    "-DBUILD_SHARED_LIBS=OFF",
    "-DGGML_NATIVE=ON",
    "-DGGML_OPENMP=OFF",
    "-DLLAMA_OPENSSL=OFF",
    "-DLLAMA_BUILD_COMMON=ON",
    "-DLLAMA_BUILD_TOOLS=ON",
    "-DLLAMA_BUILD_TESTS=OFF",
    "-DLLAMA_BUILD_EXAMPLES=OFF",
    "-DLLAMA_BUILD_SERVER=ON",
    "-DLLAMA_BUILD_APP=OFF",
    "-DLLAMA_BUILD_UI=OFF",
    "-DLLAMA_USE_PREBUILT_UI=OFF"
] as const;

/** Records what the cached binary was built from; a different commit or option set rebuilds. */
const stampFile = path.join(llamaServerBuildDir, "locus-build-stamp.json");

export type EnsureLlamaServerOptions = {
    /** Parallel compile jobs; defaults to 2 to match the machines we test on. */
    jobs?: number,
    /** Show cmake's output on stderr (a first build takes minutes). */
    echo?: boolean
};

/** One build at a time in this process: the model and quality projects' global setups and the tests may all ask. */
let pending: Promise<string> | null = null;

/**
 * Builds llama-server from the bundled llama.cpp once (cached in .cache/llama-server-build) and returns the
 * binary's path. Only the llama-server target (and what it links) is compiled, with `jobs` parallel jobs.
 */
export function ensureLlamaServer(options: EnsureLlamaServerOptions = {}): Promise<string> {
    pending ??= build(options).finally(() => (pending = null));
    return pending;
}

async function build({ jobs = 2, echo = false }: EnsureLlamaServerOptions): Promise<string> {
    const binary = path.join(llamaServerBuildDir, "bin", process.platform === "win32" ? "llama-server.exe" : "llama-server");
    const stamp = JSON.stringify({ commit: await bundleHeadCommit(), cmakeOptions });
    if (await pathExists(binary) && await readText(stampFile) === stamp) return binary;

    const sourceDir = await ensureLlamaSource();
    await fs.rm(stampFile, { force: true });
    await runCommand("cmake", ["-S", sourceDir, "-B", llamaServerBuildDir, ...cmakeOptions], { echo });
    await runCommand("cmake", [
        "--build", llamaServerBuildDir, "--config", "Release", "--target", "llama-server", "-j", String(jobs)
    ], { echo });
    await fs.writeFile(stampFile, stamp);
    return binary;
}

async function readText(file: string): Promise<string | undefined> {
    return fs.readFile(file, "utf8").catch(() => undefined);
}
