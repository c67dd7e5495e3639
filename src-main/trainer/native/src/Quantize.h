#pragma once
// llama.cpp's own quantizer (llama_model_quantize, in node-llama-cpp's libllama): turns an F32/F16 GGUF
// into Q4_K_M, Q5_K_M, Q8_0... Tests use it to train on the K-quant bases people actually download; the
// Advisor makes lower-bit copies of an installed (already quantized) model with it.
#include <string>

namespace locus {

struct QuantizeOptions {
    std::string inputPath;
    std::string outputPath;
    /** "Q2_K", "Q3_K_M", "Q4_0", "Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0" or "F16". */
    std::string type;
    int threads = 1;
};

void quantizeModel(const QuantizeOptions & options);

}  // namespace locus
