import fs from "node:fs/promises";
import path from "node:path";
import { ensureLlamaSource, bundleHeadCommit } from "./ensureLlamaSource.js";
import { pathExists } from "./pathExists.js";
import { runCommand } from "./runCommand.js";

/**
 * What every reference tool is built with: native CPU code and ggml's own thread pool (OpenMP off), as
 * node-llama-cpp's prebuilt binaries use, so thread behaviour matches the engine's; no OpenSSL (nothing is
 * downloaded); no tests or examples. Each tool adds its own switches.
 */
export const referenceCmakeOptions = [
    "-DCMAKE_BUILD_TYPE=Release",
    "-DBUILD_SHARED_LIBS=OFF",
    "-DGGML_NATIVE=ON",
    "-DGGML_OPENMP=OFF",
    "-DLLAMA_OPENSSL=OFF",
    "-DLLAMA_BUILD_COMMON=ON",
    "-DLLAMA_BUILD_TOOLS=ON",
    "-DLLAMA_BUILD_TESTS=OFF",
    "-DLLAMA_BUILD_EXAMPLES=OFF",
] as const;

export type BuildLlamaTargetOptions = {
    /** Parallel compile jobs; defaults to 2 to match the machines we test on. */
    jobs?: number,
    /** Show cmake's output on stderr (a first build takes minutes). */
    echo?: boolean
};

/**
 * Builds one tool of the bundled llama.cpp (llama-bench, llama-server) into its own cache folder, once, and
 * returns the binary's path. Only that target (and what it links) is compiled. A stamp records the commit and
 * options it was built from; a different one rebuilds.
 */
export async function buildLlamaTarget(
    target: string, buildDir: string, cmakeOptions: readonly string[], { jobs = 2, echo = false }: BuildLlamaTargetOptions
): Promise<string> {
    const binary = path.join(buildDir, "bin", process.platform === "win32" ? `${target}.exe` : target);
    const stampFile = path.join(buildDir, "locus-build-stamp.json");
    const stamp = JSON.stringify({ commit: await bundleHeadCommit(), cmakeOptions });
    if (await pathExists(binary) && await fs.readFile(stampFile, "utf8").catch(() => undefined) === stamp) return binary;

    const sourceDir = await ensureLlamaSource();
    await fs.rm(stampFile, { force: true });
    await runCommand("cmake", ["-S", sourceDir, "-B", buildDir, ...cmakeOptions], { echo });
    await runCommand("cmake", ["--build", buildDir, "--config", "Release", "--target", target, "-j", String(jobs)], { echo });
    await fs.writeFile(stampFile, stamp);
    return binary;
}
