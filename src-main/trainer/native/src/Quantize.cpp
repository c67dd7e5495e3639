#include "Quantize.h"

#include <filesystem>
#include <map>

#include "Backend.h"
#include "TrainerError.h"
#include "llama.h"

namespace locus {

void quantizeModel(const QuantizeOptions & options) {
    static const std::map<std::string, llama_ftype> types = {
        {"Q2_K", LLAMA_FTYPE_MOSTLY_Q2_K},     {"Q3_K_M", LLAMA_FTYPE_MOSTLY_Q3_K_M}, {"Q4_0", LLAMA_FTYPE_MOSTLY_Q4_0},
        {"Q4_K_M", LLAMA_FTYPE_MOSTLY_Q4_K_M}, {"Q5_K_M", LLAMA_FTYPE_MOSTLY_Q5_K_M}, {"Q6_K", LLAMA_FTYPE_MOSTLY_Q6_K},
        {"Q8_0", LLAMA_FTYPE_MOSTLY_Q8_0},     {"F16", LLAMA_FTYPE_MOSTLY_F16},
    };
    if (!backendReady()) throw TrainerError(kErrInput, "initBackend must be called before quantizeModel");
    const auto type = types.find(options.type);
    if (type == types.end()) throw TrainerError(kErrUnsupported, "cannot quantize to " + options.type);
    if (std::filesystem::exists(options.outputPath)) throw TrainerError(kErrIo, options.outputPath + " already exists");
    llama_model_quantize_params params = llama_model_quantize_default_params();
    params.ftype = type->second;
    params.nthread = options.threads;
    // A downloaded model is usually quantized already: the Advisor measures what a lower-bit copy of it costs
    // in quality, so requantizing (with the extra loss it brings) is what is wanted here.
    params.allow_requantize = true;
    if (llama_model_quantize(options.inputPath.c_str(), options.outputPath.c_str(), &params) != 0) {
        std::filesystem::remove(options.outputPath);
        throw TrainerError(kErrIo, "llama.cpp could not quantize " + options.inputPath + " to " + options.type);
    }
}

}  // namespace locus
