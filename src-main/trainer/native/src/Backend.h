#pragma once
#include <string>

namespace locus {

/**
 * Loads ggml's CPU backend and initialises llama.cpp. With `cpuBackendPath`, that library (the trainer's
 * own build of ggml-cpu, with a fast backward for quantized weights); otherwise the best of the variants
 * node-llama-cpp ships in `libraryDir`, as node-llama-cpp itself does. Safe to call again: later calls
 * are no-ops and return what the first one loaded.
 */
std::string ensureBackend(const std::string & libraryDir, const std::string & cpuBackendPath, bool verboseLogs);

/** Whether the backend is ready; sessions refuse to open before ensureBackend. */
bool backendReady();

/**
 * Whether the trainer's own CPU backend is loaded. Its backward pass reads Q4_0 weights repacked for the
 * fast forward matmul (ggml-patches/0002), so models may load with repacking on; with node-llama-cpp's
 * backend they must not (the backward op would not schedule).
 */
bool trainerCpuBackendLoaded();

}  // namespace locus
