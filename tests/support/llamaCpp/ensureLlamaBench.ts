import fs from "node:fs/promises";
import path from "node:path";
import { ensureLlamaSource, bundleHeadCommit } from "./ensureLlamaSource.js";
import { pathExists } from "./pathExists.js";
import { llamaBenchBuildDir } from "./repoPaths.js";
import { runCommand } from "./runCommand.js";

/**
 * CMake options for the reference llama-bench. Native CPU code and ggml's own thread pool (OpenMP off)
 * because node-llama-cpp's prebuilt binaries use that pool too, so thread behaviour matches the engine's.
 * OpenSSL is off because llama-bench never downloads anything here.
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
    "-DLLAMA_BUILD_SERVER=OFF",
    "-DLLAMA_BUILD_APP=OFF"
] as const;

/** Records what the cached binary was built from; a different commit or option set rebuilds. */
const stampFile = path.join(llamaBenchBuildDir, "locus-build-stamp.json");

export type EnsureLlamaBenchOptions = {
    /** Parallel compile jobs; defaults to 2 to match the machines we test on. */
    jobs?: number,
    /** Show cmake's output on stderr (a first build takes minutes). */
    echo?: boolean
};

/** Builds llama-bench from the bundled llama.cpp once and returns the binary's path. */
export async function ensureLlamaBench({ jobs = 2, echo = false }: EnsureLlamaBenchOptions = {}): Promise<string> {
    const binary = path.join(llamaBenchBuildDir, "bin", process.platform === "win32" ? "llama-bench.exe" : "llama-bench");
    const stamp = JSON.stringify({ commit: await bundleHeadCommit(), cmakeOptions });
    if (await pathExists(binary) && await readText(stampFile) === stamp) return binary;

    const sourceDir = await ensureLlamaSource();
    await fs.rm(stampFile, { force: true });
    await runCommand("cmake", ["-S", sourceDir, "-B", llamaBenchBuildDir, ...cmakeOptions], { echo });
    await runCommand("cmake", [
        "--build", llamaBenchBuildDir, "--config", "Release", "--target", "llama-bench", "-j", String(jobs)
    ], { echo });
    await fs.writeFile(stampFile, stamp);
    return binary;
}

async function readText(file: string): Promise<string | undefined> {
    return fs.readFile(file, "utf8").catch(() => undefined);
}
