#pragma once
// One LoRA training run on one base model: the model (with its weights kept un-repacked, since repacked
// weights have no backward op), the adapter being trained, a llama context set up for training, and
// llama.cpp's optimizer. Each trainStep is one window and one optimizer step, so the caller can stop
// cleanly between any two steps. Not thread-safe: one call at a time (the binding enforces it).
#include <cstdint>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "ggml-opt.h"
#include "llama.h"

namespace locus {

struct SessionOptions {
    std::string modelPath;
    /** The adapter to train (a fresh one from writeFreshAdapter, or an earlier checkpoint). */
    std::string adapterPath;
    /** Where the session may write short-lived files (the graph padding adapter). */
    std::string scratchDir;
    /** Tokens per training window; rounded up to a multiple of 256 as llama.cpp requires. */
    uint32_t contextSize = 512;
    /** Tokens per physical batch; gradients accumulate over contextSize / microBatchSize batches. */
    uint32_t microBatchSize = 0;
    int threads = 2;
    float beta1 = 0.9f;
    float beta2 = 0.999f;
    float epsilon = 1e-8f;
    float weightDecay = 0.0f;
    /** Copies of the padding adapter that enlarge the compute graph; negative chooses automatically. */
    int paddingCopies = -1;
};

struct SessionInfo {
    std::string architecture;
    std::string description;
    uint32_t contextSize = 0;
    uint32_t microBatchSize = 0;
    int threads = 0;
    int layerCount = 0;
    int vocabularySize = 0;
    int bosToken = -1;
    int eosToken = -1;
    uint64_t modelBytes = 0;
    size_t adapterMatrices = 0;
    int64_t trainableParameters = 0;
    float adapterAlpha = 0;
    int forwardGraphNodes = 0;
    int trainingGraphNodes = 0;
    int graphPaddingCopies = 0;
    /** Weights were repacked for the CPU's fast matmul kernels (trainer backend, Q4_0). */
    bool repackedWeights = false;
};

struct StepResult {
    double loss = 0;
    /** The step produced a non-finite loss or weights; they were rolled back to the last finite step. */
    bool diverged = false;
    double seconds = 0;
};

struct EvalResult {
    double loss = 0;
    int64_t tokens = 0;
    double seconds = 0;
};

class TrainerSession {
public:
    explicit TrainerSession(const SessionOptions & options);
    ~TrainerSession();
    TrainerSession(const TrainerSession &) = delete;
    TrainerSession & operator=(const TrainerSession &) = delete;

    /** With `parseSpecial`, special tokens written as text (a chat template's markers) become those tokens. */
    std::vector<int32_t> tokenize(const std::string & text, bool addSpecial, bool parseSpecial = false) const;
    /**
     * A question and its answer as one exchange in the model's own chat template (llama.cpp's built-in
     * renderings of the common templates); nothing when the model has none that llama.cpp knows.
     */
    std::optional<std::string> formatExchange(const std::string & question, const std::string & answer) const;
    /** One optimizer step on `window` (contextSize + 1 tokens: inputs and their next-token labels). */
    StepResult trainStep(const std::vector<int32_t> & window, float learningRate);
    /**
     * Mean loss per token over whole windows (each contextSize + 1 tokens), forward only; with `best`,
     * of the weights kept by keepBest (the current ones are put back afterwards).
     */
    EvalResult evaluate(const std::vector<int32_t> & windows, bool best = false);
    /** Remembers the current weights as the best so far. */
    void keepBest();
    /** Puts the weights kept by keepBest back into the adapter. */
    void restoreBest();
    /** Writes the current (or best) weights as a new adapter file; see writeAdapterFile. */
    void save(const std::string & path, bool best, const std::map<std::string, std::string> & metadata) const;
    const SessionInfo & info() const { return info_; }

    /** Called by llama.cpp's scheduler for every graph node (see onGraphNode). */
    void observeNode(const ggml_tensor * node);
    /** Called after each physical batch of a training step; records the largest graph. */
    void finishGraph();
    ggml_opt_optimizer_params optimizerParams() const;

private:
    void release();
    void loadModel();
    void createContext();
    void probeGraph();
    void padGraph(int64_t baseTensorCount);
    void decodeOneToken();
    void initOptimizer();
    void readParams(std::vector<float> & into) const;
    void writeParams(const std::vector<float> & from);
    void zeroTensors(const std::set<ggml_tensor *> & tensors);
    void fillDataset(ggml_opt_dataset_t dataset, const int32_t * windows, int64_t count) const;

    SessionOptions options_;
    SessionInfo info_;
    llama_model * model_ = nullptr;
    llama_context * ctx_ = nullptr;
    llama_adapter_lora * adapter_ = nullptr;
    std::vector<llama_adapter_lora *> padding_;
    std::vector<ggml_tensor *> params_;  // the adapter's A and B tensors, sorted by name
    ggml_opt_dataset_t trainSet_ = nullptr;
    ggml_opt_result_t resultTrain_ = nullptr;
    ggml_opt_result_t resultEval_ = nullptr;
    std::vector<float> lastFinite_;  // the current weights (finite, not yet vouched for by a loss)
    std::vector<float> verified_;    // the last weights whose forward pass gave a finite loss
    std::vector<float> best_;
    std::vector<float> scratch_;
    float learningRate_ = 1e-4f;

    // Filled by observeNode.
    bool probing_ = false;
    bool countingTraining_ = false;
    int probedNodes_ = 0;
    std::set<ggml_tensor *> loraTensors_;
    std::set<ggml_tensor *> gradientAccumulators_;
    std::set<ggml_tensor *> moments_;
    int trainingNodes_ = 0;
};

}  // namespace locus
