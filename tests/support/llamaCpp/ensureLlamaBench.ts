import { buildLlamaTarget, type BuildLlamaTargetOptions } from "./buildLlamaTarget.js";
import { llamaBenchBuildDir } from "./repoPaths.js";

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

/** Builds llama-bench from the bundled llama.cpp once and returns the binary's path. */
export function ensureLlamaBench(options: BuildLlamaTargetOptions = {}): Promise<string> {
    return buildLlamaTarget("llama-bench", llamaBenchBuildDir, cmakeOptions, options);
}
