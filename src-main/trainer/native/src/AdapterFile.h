#pragma once
// Writes LoRA adapters as GGUF files that llama.cpp (and so node-llama-cpp) loads: general.type=adapter,
// adapter.type=lora, adapter.lora.alpha, and F32 pairs <weight>.lora_a [in, r] / <weight>.lora_b [r, out].
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace locus {

struct AdapterTensorView {
    std::string name;
    int64_t ne0;
    int64_t ne1;
    const float * data;
};

struct AdapterFileSpec {
    std::string architecture;
    float alpha;
    /** Extra string keys (locus.*), e.g. the base model's fingerprint. */
    std::map<std::string, std::string> metadata;
};

/**
 * Writes the adapter to a hidden temporary file beside `path`, flushes it to disk, then links it to
 * `path`, which must not exist yet (node-llama-cpp caches adapters by path, so a new adapter always gets a
 * new name). A crash at any point leaves either no file at `path` or a complete one.
 */
void writeAdapterFile(const std::string & path, const AdapterFileSpec & spec, const std::vector<AdapterTensorView> & tensors);

/** Prefix of the temporary files writeAdapterFile leaves behind when killed; safe to delete later. */
inline constexpr const char * kPartialFileMarker = ".partial-";

}  // namespace locus
