#pragma once
// What a base GGUF offers for LoRA: its architecture, its layer count, and the 2-D weight matrices of its
// transformer blocks (blk.N.attn_q.weight ...), read from the header without loading any weights.
#include <cstdint>
#include <string>
#include <vector>

namespace locus {

struct BaseMatrix {
    std::string name;    // e.g. "blk.15.attn_q.weight"
    std::string target;  // e.g. "attn_q"
    int layer;
    int64_t inputs;      // ne[0]
    int64_t outputs;     // ne[1]
};

struct BaseModelMatrices {
    std::string architecture;
    int layerCount = 0;
    /** Every tensor in the file; llama.cpp sizes its compute graphs from this count. */
    int64_t tensorCount = 0;
    std::vector<BaseMatrix> matrices;
};

BaseModelMatrices readBaseModelMatrices(const std::string & modelPath);

}  // namespace locus
