#include "FreshAdapter.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "AdapterFile.h"
#include "BaseModelMatrices.h"
#include "TrainerError.h"

namespace locus {

FreshAdapterSummary writeFreshAdapter(const FreshAdapterOptions & options) {
    if (options.rank < 1 || options.rank > 1024) throw TrainerError(kErrInput, "rank must be between 1 and 1024");
    if (options.targets.empty()) throw TrainerError(kErrInput, "at least one target matrix is required");
    const BaseModelMatrices base = readBaseModelMatrices(options.modelPath);
    if (base.layerCount == 0) throw TrainerError(kErrUnsupported, options.modelPath + " has no transformer blocks");

    FreshAdapterSummary summary;
    summary.architecture = base.architecture;
    summary.layerCount = base.layerCount;
    summary.lastLayer = base.layerCount - 1;
    summary.firstLayer = options.lastLayers <= 0 ? 0 : std::max(0, base.layerCount - options.lastLayers);

    const std::set<std::string> targets(options.targets.begin(), options.targets.end());
    std::set<std::string> found;
    std::vector<std::vector<float>> storage;
    std::vector<AdapterTensorView> views;
    std::mt19937 random(options.seed);
    for (const BaseMatrix & matrix : base.matrices) {
        if (targets.count(matrix.target) == 0 || matrix.layer < summary.firstLayer) continue;
        found.insert(matrix.target);
        // Kaiming-uniform bound of PEFT's LoRA A (a = sqrt(5)): 1/sqrt(fan_in). B starts at zero.
        const float bound = 1.0f / std::sqrt(static_cast<float>(matrix.inputs));
        std::uniform_real_distribution<float> uniform(-bound, bound);
        std::vector<float> a(matrix.inputs * options.rank);
        for (float & value : a) value = uniform(random);
        storage.push_back(std::move(a));
        views.push_back({matrix.name + ".lora_a", matrix.inputs, options.rank, storage.back().data()});
        storage.emplace_back(static_cast<size_t>(options.rank * matrix.outputs), 0.0f);
        views.push_back({matrix.name + ".lora_b", options.rank, matrix.outputs, storage.back().data()});
        summary.matrixCount++;
        summary.parameterCount += options.rank * (matrix.inputs + matrix.outputs);
    }
    for (const std::string & target : targets) {
        if (found.count(target) == 0) {
            throw TrainerError(kErrUnsupported, "the base model has no '" + target + "' matrices in the layers to train");
        }
    }
    writeAdapterFile(options.outputPath, {base.architecture, options.alpha, options.metadata}, views);
    return summary;
}

}  // namespace locus
