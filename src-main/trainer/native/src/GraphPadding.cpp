#include "GraphPadding.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>

#include "BaseModelMatrices.h"
#include "FreshAdapter.h"
#include "TrainerError.h"

namespace locus {

namespace {

// Nodes the backward pass and the optimizer may add per forward node. Measured: a 16-layer Llama with
// LoRA on every layer needs under 3x its forward nodes (info().trainingGraphNodes reports it).
constexpr int64_t kBackwardNodesPerForwardNode = 4;
// llama.cpp counts 6 graph nodes per A/B pair of a loaded adapter (a, b, scale, add, 2 x mul_mat).
constexpr int64_t kNodesPerAdapterMatrix = 6;

std::atomic<unsigned> paddingCounter{0};

}  // namespace

std::vector<llama_adapter_lora *> loadGraphPadding(llama_model * model, const std::string & modelPath,
    const std::string & scratchDir, const GraphSizing & sizing, int copies) {
    const auto matrices = static_cast<int64_t>(sizing.adapterMatrices);
    const int64_t sized = std::max<int64_t>(1024, 8 * sizing.baseTensorCount) + kNodesPerAdapterMatrix * matrices;
    const int64_t needed = (1 + kBackwardNodesPerForwardNode) * sizing.forwardNodes + 2 * sizing.baseTensorCount +
        16 * matrices + 512;
    if (copies == 0 || (copies < 0 && needed <= sized)) return {};

    // Every block matrix the model has, at rank 1: the most nodes per copy for the least memory.
    const BaseModelMatrices base = readBaseModelMatrices(modelPath);
    FreshAdapterOptions padding;
    padding.modelPath = modelPath;
    padding.outputPath = scratchDir + "/.locus-graph-padding-" + std::to_string(::getpid()) + "-" +
        std::to_string(paddingCounter.fetch_add(1)) + ".gguf";
    padding.rank = 1;
    padding.alpha = 1.0f;
    for (const char * target : {"attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"}) {
        if (std::any_of(base.matrices.begin(), base.matrices.end(), [&](const BaseMatrix & m) { return m.target == target; })) {
            padding.targets.push_back(target);
        }
    }
    const FreshAdapterSummary summary = writeFreshAdapter(padding);
    const int64_t perCopy = kNodesPerAdapterMatrix * static_cast<int64_t>(summary.matrixCount);
    if (copies < 0) copies = static_cast<int>((needed - sized + perCopy - 1) / perCopy);

    std::vector<llama_adapter_lora *> loaded;
    for (int i = 0; i < copies; i++) {
        llama_adapter_lora * copy = llama_adapter_lora_init(model, padding.outputPath.c_str());
        if (copy == nullptr) break;
        loaded.push_back(copy);
    }
    ::unlink(padding.outputPath.c_str());
    if (static_cast<int>(loaded.size()) != copies) {
        for (llama_adapter_lora * copy : loaded) llama_adapter_lora_free(copy);
        throw TrainerError(kErrAdapter, "cannot load the graph padding adapter");
    }
    return loaded;
}

}  // namespace locus
