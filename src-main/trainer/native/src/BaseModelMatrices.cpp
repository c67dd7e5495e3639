#include "BaseModelMatrices.h"

#include <algorithm>
#include <memory>
#include <regex>

#include "TrainerError.h"
#include "ggml.h"
#include "gguf.h"

namespace locus {

BaseModelMatrices readBaseModelMatrices(const std::string & modelPath) {
    ggml_context * meta = nullptr;
    gguf_init_params params = {/*no_alloc =*/true, /*ctx =*/&meta};
    std::unique_ptr<gguf_context, decltype(&gguf_free)> gguf(gguf_init_from_file(modelPath.c_str(), params), gguf_free);
    std::unique_ptr<ggml_context, decltype(&ggml_free)> tensors(meta, ggml_free);
    if (!gguf || !tensors) throw TrainerError(kErrModelLoad, "cannot read the GGUF header of " + modelPath);

    BaseModelMatrices result;
    const int64_t archKey = gguf_find_key(gguf.get(), "general.architecture");
    if (archKey < 0 || gguf_get_kv_type(gguf.get(), archKey) != GGUF_TYPE_STRING) {
        throw TrainerError(kErrModelLoad, modelPath + " has no general.architecture");
    }
    result.architecture = gguf_get_val_str(gguf.get(), archKey);

    result.tensorCount = gguf_get_n_tensors(gguf.get());
    static const std::regex blockWeight(R"(^blk\.(\d+)\.([a-z0-9_]+)\.weight$)");
    for (int64_t i = 0; i < gguf_get_n_tensors(gguf.get()); i++) {
        const std::string name = gguf_get_tensor_name(gguf.get(), i);
        std::smatch match;
        if (!std::regex_match(name, match, blockWeight)) continue;
        const ggml_tensor * tensor = ggml_get_tensor(tensors.get(), name.c_str());
        const int layer = std::stoi(match[1].str());
        result.layerCount = std::max(result.layerCount, layer + 1);
        if (tensor == nullptr || ggml_n_dims(tensor) != 2) continue;
        result.matrices.push_back({name, match[2].str(), layer, tensor->ne[0], tensor->ne[1]});
    }
    return result;
}

}  // namespace locus
