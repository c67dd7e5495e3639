import { buildLlamaTarget, referenceCmakeOptions, type BuildLlamaTargetOptions } from "./buildLlamaTarget.js";
import { llamaBenchBuildDir } from "./repoPaths.js";

/**
 * CMake options for the reference llama-bench. Native CPU code and ggml's own thread pool (OpenMP off)
 * because node-llama-cpp's prebuilt binaries use that pool too, so thread behaviour matches the engine's.
 * OpenSSL is off because llama-bench never downloads anything here.
 */
const cmakeOptions = [
    ...referenceCmakeOptions,
    "-DLLAMA_BUILD_SERVER=OFF",
    "-DLLAMA_BUILD_APP=OFF"
];

/** Builds llama-bench from the bundled llama.cpp once and returns the binary's path. */
export function ensureLlamaBench(options: BuildLlamaTargetOptions = {}): Promise<string> {
    return buildLlamaTarget("llama-bench", llamaBenchBuildDir, cmakeOptions, options);
}
