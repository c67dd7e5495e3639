#pragma once
// A new, untrained LoRA adapter for a base model: A small and random, B zero, so it starts as a no-op.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace locus {

struct FreshAdapterOptions {
    std::string modelPath;
    std::string outputPath;
    /** Short matrix names: attn_q, attn_k, attn_v, attn_output, ffn_gate, ffn_up, ffn_down. */
    std::vector<std::string> targets;
    int rank = 8;
    float alpha = 16.0f;
    /** Train only the last N transformer blocks; 0 means all of them. */
    int lastLayers = 0;
    uint32_t seed = 1;
    std::map<std::string, std::string> metadata;
};

struct FreshAdapterSummary {
    std::string architecture;
    int layerCount = 0;
    int firstLayer = 0;
    int lastLayer = 0;
    size_t matrixCount = 0;
    int64_t parameterCount = 0;
};

FreshAdapterSummary writeFreshAdapter(const FreshAdapterOptions & options);

}  // namespace locus
