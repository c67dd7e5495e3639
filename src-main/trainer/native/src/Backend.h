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

}  // namespace locus
