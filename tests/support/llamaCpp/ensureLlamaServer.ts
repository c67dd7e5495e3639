import { buildLlamaTarget, referenceCmakeOptions, type BuildLlamaTargetOptions } from "./buildLlamaTarget.js";
import { llamaServerBuildDir } from "./repoPaths.js";

/**
 * CMake options for the reference llama-server, as for llama-bench (native CPU code, ggml's own thread
 * pool, no OpenSSL), plus the server. Its web UI is neither built (npm) nor downloaded from the hub:
 * the tests use the API only, and the machines that run them reach no model hub.
 */
const cmakeOptions = [
    ...referenceCmakeOptions,
    "-DLLAMA_BUILD_SERVER=ON",
    "-DLLAMA_BUILD_APP=OFF",
    "-DLLAMA_BUILD_UI=OFF",
    "-DLLAMA_USE_PREBUILT_UI=OFF"
];

/** One build at a time in this process: the model and quality projects' global setups and the tests may all ask. */
let pending: Promise<string> | null = null;

/** Builds llama-server from the bundled llama.cpp once (cached in .cache/llama-server-build) and returns the binary's path. */
export function ensureLlamaServer(options: BuildLlamaTargetOptions = {}): Promise<string> {
    pending ??= buildLlamaTarget("llama-server", llamaServerBuildDir, cmakeOptions, options).finally(() => (pending = null));
    return pending;
}
