#pragma once
// llama.cpp sizes every compute graph, the optimizer's included, for the forward pass plus the LoRA nodes
// of every adapter loaded on the model. The backward pass needs several times more nodes, and deep models
// abort with GGML_ASSERT(n_nodes < size). Loading unused rank-1 adapters on the model raises that size
// without changing the graph itself: they are never attached to a context.
#include <cstdint>
#include <string>
#include <vector>

#include "llama.h"

namespace locus {

struct GraphSizing {
    /** Tensors in the base GGUF: llama.cpp's default graph size is 8 per tensor (at least 1024). */
    int64_t baseTensorCount;
    /** Nodes of the forward graph with the trained adapter attached. */
    int forwardNodes;
    /** A/B pairs of the trained adapter. */
    size_t adapterMatrices;
};

/**
 * Loads the padding adapters `model` needs for training (none when the default size suffices) and returns
 * them; the caller frees them with llama_adapter_lora_free. `copies` >= 0 forces a count (tests).
 * The padding file is written to `scratchDir` and removed once loaded.
 */
std::vector<llama_adapter_lora *> loadGraphPadding(llama_model * model, const std::string & modelPath,
    const std::string & scratchDir, const GraphSizing & sizing, int copies);

}  // namespace locus
