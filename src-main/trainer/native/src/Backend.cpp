#include "Backend.h"

#include <atomic>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "TrainerError.h"
#include "ggml-backend.h"
#include "llama.h"

namespace locus {

namespace {

std::mutex backendMutex;
std::string loadedFrom;
std::atomic<bool> ready{false};
std::atomic<bool> verbose{false};
std::atomic<bool> trainerCpuBackend{false};

// llama.cpp logs every tensor and key it loads; keep warnings and errors, which explain failures, except
// the expected one that LoRA tensors stay in plain CPU memory beside repacked weights.
void logFilter(ggml_log_level level, const char * text, void *) {
    const bool expected = std::strstr(text, "cannot use buft 'CPU_REPACK', fallback to CPU") != nullptr;
    if (verbose.load() || ((level == GGML_LOG_LEVEL_ERROR || level == GGML_LOG_LEVEL_WARN) && !expected)) {
        std::fputs(text, stderr);
    }
}

}  // namespace

std::string ensureBackend(const std::string & libraryDir, const std::string & cpuBackendPath, bool verboseLogs) {
    std::lock_guard<std::mutex> lock(backendMutex);
    verbose.store(verboseLogs);
    if (ready.load()) return loadedFrom;
    llama_log_set(logFilter, nullptr);
    const std::string source = cpuBackendPath.empty() ? libraryDir : cpuBackendPath;
    if (cpuBackendPath.empty()) {
        ggml_backend_load_all_from_path(libraryDir.c_str());
    } else if (ggml_backend_load(cpuBackendPath.c_str()) == nullptr) {
        throw TrainerError(kErrModelLoad, "cannot load the CPU backend " + cpuBackendPath);
    }
    if (ggml_backend_dev_by_type(GGML_BACKEND_DEVICE_TYPE_CPU) == nullptr) {
        throw TrainerError(kErrModelLoad, "no CPU backend could be loaded from " + source);
    }
    llama_backend_init();
    trainerCpuBackend.store(!cpuBackendPath.empty());
    loadedFrom = source;
    ready.store(true);
    return loadedFrom;
}

bool backendReady() { return ready.load(); }

bool trainerCpuBackendLoaded() { return trainerCpuBackend.load(); }

}  // namespace locus
