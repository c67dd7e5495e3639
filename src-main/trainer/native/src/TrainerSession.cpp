#include "TrainerSession.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "AdapterFile.h"
#include "Backend.h"
#include "BaseModelMatrices.h"
#include "GraphPadding.h"
#include "TrainerError.h"
#include "ggml-backend.h"

namespace locus {

namespace {

constexpr uint32_t kContextAlignment = 256;

bool endsWith(const char * text, const char * suffix) {
    const size_t length = std::strlen(text);
    const size_t suffixLength = std::strlen(suffix);
    return length >= suffixLength && std::strcmp(text + length - suffixLength, suffix) == 0;
}

bool onGraphNode(ggml_tensor * node, bool ask, void * userData) {
    if (ask) static_cast<TrainerSession *>(userData)->observeNode(node);
    return false;  // never pause the graph: we only look at its shape
}

// llama_opt_epoch's per-batch callback has no user data; the session running a step is this thread's.
thread_local TrainerSession * activeSession = nullptr;

void onBatchEvaluated(bool, ggml_opt_context_t, ggml_opt_dataset_t, ggml_opt_result_t, int64_t, int64_t, int64_t) {
    if (activeSession != nullptr) activeSession->finishGraph();
}

bool rejectBaseTensor(const ggml_tensor *, void *) { return false; }

ggml_opt_optimizer_params optimizerParamsOf(void * userData) {
    return static_cast<const TrainerSession *>(userData)->optimizerParams();
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int envInt(const char * name, int fallback) {
    const char * value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::atoi(value) : fallback;
}

}  // namespace

TrainerSession::TrainerSession(const SessionOptions & options) : options_(options) {
    if (options_.threads < 1) throw TrainerError(kErrInput, "threads must be at least 1");
    if (options_.contextSize < 16) throw TrainerError(kErrInput, "contextSize must be at least 16 tokens");
    options_.contextSize = (options_.contextSize + kContextAlignment - 1) / kContextAlignment * kContextAlignment;
    if (options_.microBatchSize == 0) options_.microBatchSize = std::min<uint32_t>(options_.contextSize, 256);
    if (options_.contextSize % options_.microBatchSize != 0) {
        throw TrainerError(kErrInput, "microBatchSize must divide the context size " + std::to_string(options_.contextSize));
    }
    const BaseModelMatrices base = readBaseModelMatrices(options_.modelPath);
    info_.architecture = base.architecture;
    try {
        loadModel();
        createContext();
        probeGraph();
        padGraph(base.tensorCount);
        initOptimizer();
    } catch (...) {
        release();
        throw;
    }
}

TrainerSession::~TrainerSession() { release(); }

void TrainerSession::release() {
    if (trainSet_ != nullptr) ggml_opt_dataset_free(trainSet_);
    if (resultTrain_ != nullptr) ggml_opt_result_free(resultTrain_);
    if (resultEval_ != nullptr) ggml_opt_result_free(resultEval_);
    if (ctx_ != nullptr) llama_free(ctx_);
    for (llama_adapter_lora * copy : padding_) llama_adapter_lora_free(copy);
    if (adapter_ != nullptr) llama_adapter_lora_free(adapter_);
    if (model_ != nullptr) llama_model_free(model_);
    trainSet_ = nullptr;
    resultTrain_ = resultEval_ = nullptr;
    ctx_ = nullptr;
    padding_.clear();
    adapter_ = nullptr;
    model_ = nullptr;
}

void TrainerSession::loadModel() {
    llama_model_params params = llama_model_default_params();
    params.n_gpu_layers = 0;
    // Repacked CPU weights (extra buffer types) have no backward op in node-llama-cpp's backend: the
    // optimizer graph would not schedule. The trainer's own backend reads repacked Q4_0 back.
    params.use_extra_bufts = trainerCpuBackendLoaded() && std::getenv("LOCUS_TRAINER_NO_REPACK") == nullptr;
    info_.repackedWeights = params.use_extra_bufts;
    // Read into memory, not mapped: repacked weights are copies, and with a mapping the file's pages stay
    // resident beside them (the engine loads the same way on CPU-only machines, for the same reason).
    params.load_mode = std::getenv("LOCUS_TRAINER_MMAP") != nullptr ? LLAMA_LOAD_MODE_MMAP : LLAMA_LOAD_MODE_NONE;
    model_ = llama_model_load_from_file(options_.modelPath.c_str(), params);
    if (model_ == nullptr) throw TrainerError(kErrModelLoad, "cannot load the model " + options_.modelPath);

    const llama_vocab * vocab = llama_model_get_vocab(model_);
    char description[256] = {0};
    llama_model_desc(model_, description, sizeof(description));
    info_.description = description;
    info_.layerCount = llama_model_n_layer(model_);
    info_.vocabularySize = llama_vocab_n_tokens(vocab);
    info_.bosToken = llama_vocab_bos(vocab);
    info_.eosToken = llama_vocab_eos(vocab);
    info_.modelBytes = llama_model_size(model_);

    adapter_ = llama_adapter_lora_init(model_, options_.adapterPath.c_str());
    if (adapter_ == nullptr) {
        throw TrainerError(kErrAdapter, "cannot load the adapter " + options_.adapterPath + " onto this model");
    }
    char alpha[64] = {0};
    if (llama_adapter_meta_val_str(adapter_, "adapter.lora.alpha", alpha, sizeof(alpha)) > 0) {
        info_.adapterAlpha = std::strtof(alpha, nullptr);
    }
}

void TrainerSession::createContext() {
    llama_context_params params = llama_context_default_params();
    params.n_ctx = options_.contextSize;
    params.n_batch = options_.contextSize;
    params.n_ubatch = options_.microBatchSize;
    params.n_seq_max = 1;
    params.n_threads = options_.threads;
    params.n_threads_batch = options_.threads;
    // The backward pass has no F16 out_prod and no flash-attention gradient.
    params.type_k = GGML_TYPE_F32;
    params.type_v = GGML_TYPE_F32;
    params.flash_attn_type = LLAMA_FLASH_ATTN_TYPE_DISABLED;
    params.cb_eval = onGraphNode;
    params.cb_eval_user_data = this;
    params.no_perf = true;
    ctx_ = llama_init_from_model(model_, params);
    if (ctx_ == nullptr) throw TrainerError(kErrContext, "cannot create a training context (out of memory?)");
    // llama.cpp may round the context size; training windows must match what it really uses.
    info_.contextSize = llama_n_ctx(ctx_);
    info_.microBatchSize = llama_n_ubatch(ctx_);
    info_.threads = options_.threads;
    if (info_.contextSize != options_.contextSize || info_.contextSize % info_.microBatchSize != 0) {
        throw TrainerError(kErrContext, "llama.cpp changed the context size to " + std::to_string(info_.contextSize));
    }
    float scale = 1.0f;
    if (llama_set_adapters_lora(ctx_, &adapter_, 1, &scale) != 0) {
        throw TrainerError(kErrAdapter, "cannot attach the adapter to the training context");
    }
}

void TrainerSession::decodeOneToken() {
    llama_token token = info_.bosToken >= 0 ? info_.bosToken : 0;
    const int status = llama_decode(ctx_, llama_batch_get_one(&token, 1));
    llama_memory_clear(llama_get_memory(ctx_), true);
    if (status != 0) throw TrainerError(kErrContext, "the model failed to evaluate a token (status " + std::to_string(status) + ")");
}

void TrainerSession::probeGraph() {
    // The adapter's tensors live in llama.cpp's private structures; one decode shows them as the
    // sources of the LoRA matmuls, and how many nodes the forward graph has.
    probing_ = true;
    decodeOneToken();
    probing_ = false;
    info_.forwardGraphNodes = probedNodes_;

    params_.assign(loraTensors_.begin(), loraTensors_.end());
    std::sort(params_.begin(), params_.end(), [](const ggml_tensor * a, const ggml_tensor * b) {
        return std::strcmp(a->name, b->name) < 0;
    });
    if (params_.empty() || params_.size() % 2 != 0) {
        throw TrainerError(kErrAdapter, "the adapter's matrices are not used by this model's graph");
    }
    for (const ggml_tensor * tensor : params_) {
        if (tensor->type != GGML_TYPE_F32) throw TrainerError(kErrAdapter, std::string("adapter tensor ") + tensor->name + " is not F32");
        info_.trainableParameters += ggml_nelements(tensor);
    }
    info_.adapterMatrices = params_.size() / 2;
}

void TrainerSession::padGraph(int64_t baseTensorCount) {
    const int forced = options_.paddingCopies >= 0 ? options_.paddingCopies : envInt("LOCUS_TRAINER_PADDING_COPIES", -1);
    padding_ = loadGraphPadding(model_, options_.modelPath, options_.scratchDir,
        {baseTensorCount, info_.forwardGraphNodes, info_.adapterMatrices}, forced);
    info_.graphPaddingCopies = static_cast<int>(padding_.size());
    if (padding_.empty()) return;
    // Graph sizes are recomputed when the adapter set changes; detach and re-attach, then decode once so
    // the scheduler is rebuilt with the new size before the optimizer uses it.
    float scale = 1.0f;
    llama_set_adapters_lora(ctx_, nullptr, 0, nullptr);
    if (llama_set_adapters_lora(ctx_, &adapter_, 1, &scale) != 0) {
        throw TrainerError(kErrAdapter, "cannot re-attach the adapter to the training context");
    }
    decodeOneToken();
}

void TrainerSession::initOptimizer() {
    for (ggml_tensor * tensor : params_) ggml_set_param(tensor);
    llama_opt_params params{};
    params.n_ctx_train = 0;
    params.param_filter = rejectBaseTensor;  // only the adapter (flagged above) is trained
    params.param_filter_ud = nullptr;
    params.get_opt_pars = optimizerParamsOf;
    params.get_opt_pars_ud = this;
    params.optimizer_type = GGML_OPT_OPTIMIZER_TYPE_ADAMW;
    llama_opt_init(ctx_, model_, params);

    const int64_t n = info_.contextSize;
    trainSet_ = ggml_opt_dataset_init(GGML_TYPE_I32, GGML_TYPE_I32, n, n, 1, 1);
    resultTrain_ = ggml_opt_result_init();
    resultEval_ = ggml_opt_result_init();
    readParams(lastFinite_);
    verified_ = lastFinite_;
}

ggml_opt_optimizer_params TrainerSession::optimizerParams() const {
    ggml_opt_optimizer_params params = ggml_opt_get_default_optimizer_params(nullptr);
    params.adamw.alpha = learningRate_;
    params.adamw.beta1 = options_.beta1;
    params.adamw.beta2 = options_.beta2;
    params.adamw.eps = options_.epsilon;
    params.adamw.wd = options_.weightDecay;
    params.sgd.alpha = learningRate_;
    params.sgd.wd = options_.weightDecay;
    return params;
}

void TrainerSession::observeNode(const ggml_tensor * node) {
    if (probing_) {
        probedNodes_++;
        for (ggml_tensor * source : node->src) {
            if (source != nullptr && (endsWith(source->name, ".lora_a") || endsWith(source->name, ".lora_b"))) {
                loraTensors_.insert(source);
            }
        }
    }
    if (countingTraining_) {
        trainingNodes_++;
        if (node->op == GGML_OP_OPT_STEP_ADAMW) {
            // src: weights, gradient, first and second moments, hyper-parameters. The gradient is an
            // in-place view of a persistent accumulator, which llama.cpp never clears between steps.
            ggml_tensor * gradient = node->src[1];
            while (gradient->view_src != nullptr) gradient = gradient->view_src;
            gradientAccumulators_.insert(gradient);
            moments_.insert(node->src[2]);
            moments_.insert(node->src[3]);
        }
    }
}

void TrainerSession::finishGraph() {
    if (!countingTraining_) return;
    info_.trainingGraphNodes = std::max(info_.trainingGraphNodes, trainingNodes_);
    trainingNodes_ = 0;
}

std::vector<int32_t> TrainerSession::tokenize(const std::string & text, bool addSpecial, bool parseSpecial) const {
    const llama_vocab * vocab = llama_model_get_vocab(model_);
    std::vector<int32_t> tokens(text.size() + 8);
    int32_t count = llama_tokenize(vocab, text.data(), static_cast<int32_t>(text.size()), tokens.data(),
        static_cast<int32_t>(tokens.size()), addSpecial, parseSpecial);
    if (count < 0) {
        tokens.resize(-count);
        count = llama_tokenize(vocab, text.data(), static_cast<int32_t>(text.size()), tokens.data(),
            static_cast<int32_t>(tokens.size()), addSpecial, parseSpecial);
    }
    if (count < 0) throw TrainerError(kErrInput, "the text could not be tokenized");
    tokens.resize(count);
    return tokens;
}

std::optional<std::string> TrainerSession::formatExchange(const std::string & question, const std::string & answer) const {
    const char * templateText = llama_model_chat_template(model_, nullptr);
    if (templateText == nullptr) return std::nullopt;
    const llama_chat_message messages[2] = {{"user", question.c_str()}, {"assistant", answer.c_str()}};
    const int32_t length = llama_chat_apply_template(templateText, messages, 2, /*add_ass =*/false, nullptr, 0);
    if (length < 0) return std::nullopt;
    std::string text(static_cast<size_t>(length), '\0');
    llama_chat_apply_template(templateText, messages, 2, false, text.data(), length);
    return text;
}

void TrainerSession::fillDataset(ggml_opt_dataset_t dataset, const int32_t * windows, int64_t count) const {
    const int64_t n = info_.contextSize;
    auto * data = static_cast<int32_t *>(ggml_opt_dataset_data(dataset)->data);
    auto * labels = static_cast<int32_t *>(ggml_opt_dataset_labels(dataset)->data);
    for (int64_t i = 0; i < count; i++) {
        const int32_t * window = windows + i * (n + 1);
        for (int64_t j = 0; j <= n; j++) {
            if (window[j] < 0 || window[j] >= info_.vocabularySize) {
                throw TrainerError(kErrInput, "token " + std::to_string(window[j]) + " is outside the vocabulary");
            }
        }
        std::memcpy(data + i * n, window, n * sizeof(int32_t));
        std::memcpy(labels + i * n, window + 1, n * sizeof(int32_t));
    }
}

StepResult TrainerSession::trainStep(const std::vector<int32_t> & window, float learningRate) {
    if (window.size() != info_.contextSize + 1) {
        throw TrainerError(kErrInput, "a training window must have " + std::to_string(info_.contextSize + 1) + " tokens");
    }
    if (!(learningRate > 0.0f) || !std::isfinite(learningRate)) throw TrainerError(kErrInput, "the learning rate must be positive");
    fillDataset(trainSet_, window.data(), 1);
    learningRate_ = learningRate;
    zeroTensors(gradientAccumulators_);
    ggml_opt_result_reset(resultTrain_);
    countingTraining_ = gradientAccumulators_.empty();
    trainingNodes_ = 0;
    const auto start = std::chrono::steady_clock::now();
    activeSession = this;
    llama_opt_epoch(ctx_, trainSet_, resultTrain_, resultEval_, /*idata_split =*/1, onBatchEvaluated, nullptr);
    activeSession = nullptr;
    countingTraining_ = false;

    StepResult result;
    ggml_opt_result_loss(resultTrain_, &result.loss, nullptr);
    // The loss was computed with the weights from before this step: a finite loss vouches for them. The
    // weights after the step are only finite numbers so far; the next step's loss will tell.
    if (std::isfinite(result.loss)) verified_ = lastFinite_;
    readParams(scratch_);
    const bool finite = std::isfinite(result.loss) &&
        std::all_of(scratch_.begin(), scratch_.end(), [](float value) { return std::isfinite(value); });
    if (finite) {
        std::swap(lastFinite_, scratch_);
    } else {
        // No gradient clipping upstream: a too-high learning rate overflows. Go back to the last weights
        // that gave a finite loss and forget the moments, which hold the overflow too.
        result.diverged = true;
        lastFinite_ = verified_;
        writeParams(lastFinite_);
        zeroTensors(moments_);
        zeroTensors(gradientAccumulators_);
    }
    result.seconds = secondsSince(start);
    return result;
}

EvalResult TrainerSession::evaluate(const std::vector<int32_t> & windows, bool best) {
    // Spans of up to contextSize + 1 tokens, back to back (whole windows, the last one possibly cut
    // short): the model reads each span but its last token and is scored on predicting the next one at
    // every position. Decoding (rather than the optimizer's forward graph, which takes whole windows
    // only) lets a short budget validate on fewer tokens.
    const int64_t n = info_.contextSize;
    const int64_t stride = n + 1;
    const int64_t size = static_cast<int64_t>(windows.size());
    if (size < 2 || size % stride == 1) {
        throw TrainerError(kErrInput, "evaluation needs spans of 2 to " + std::to_string(stride) + " tokens");
    }
    for (const int32_t token : windows) {
        if (token < 0 || token >= info_.vocabularySize) throw TrainerError(kErrInput, "token " + std::to_string(token) + " is outside the vocabulary");
    }
    if (best && best_.empty()) throw TrainerError(kErrInput, "no weights were kept yet");
    const auto start = std::chrono::steady_clock::now();
    if (best) writeParams(best_);
    std::unique_ptr<llama_batch, void (*)(llama_batch *)> batch(new llama_batch(llama_batch_init(static_cast<int32_t>(n), 0, 1)), [](llama_batch * b) {
        llama_batch_free(*b);
        delete b;
    });
    double total = 0.0;
    int64_t scored = 0;
    try {
        for (int64_t offset = 0; offset < size; offset += stride) {
            const int64_t inputs = std::min(stride, size - offset) - 1;
            llama_memory_clear(llama_get_memory(ctx_), true);
            batch->n_tokens = static_cast<int32_t>(inputs);
            for (int64_t i = 0; i < inputs; i++) {
                batch->token[i] = windows[offset + i];
                batch->pos[i] = static_cast<llama_pos>(i);
                batch->n_seq_id[i] = 1;
                batch->seq_id[i][0] = 0;
                batch->logits[i] = 1;
            }
            const int status = llama_decode(ctx_, *batch);
            if (status != 0) throw TrainerError(kErrContext, "the model failed to evaluate held-out text (status " + std::to_string(status) + ")");
            for (int64_t i = 0; i < inputs; i++) {
                const float * logits = llama_get_logits_ith(ctx_, static_cast<int32_t>(i));
                const float largest = *std::max_element(logits, logits + info_.vocabularySize);
                double sum = 0.0;
                for (int32_t v = 0; v < info_.vocabularySize; v++) sum += std::exp(static_cast<double>(logits[v] - largest));
                total += std::log(sum) + largest - logits[windows[offset + i + 1]];
                scored++;
            }
        }
    } catch (...) {
        llama_memory_clear(llama_get_memory(ctx_), true);
        if (best) writeParams(lastFinite_);
        throw;
    }
    llama_memory_clear(llama_get_memory(ctx_), true);
    if (best) writeParams(lastFinite_);
    EvalResult result;
    result.loss = total / static_cast<double>(scored);
    result.tokens = scored;
    result.seconds = secondsSince(start);
    return result;
}

void TrainerSession::keepBest() { best_ = lastFinite_; }

void TrainerSession::restoreBest() {
    if (best_.empty()) throw TrainerError(kErrInput, "no weights were kept yet");
    writeParams(best_);
    lastFinite_ = best_;
}

void TrainerSession::save(const std::string & path, bool best, const std::map<std::string, std::string> & metadata) const {
    const std::vector<float> & weights = best ? best_ : lastFinite_;
    if (weights.empty()) throw TrainerError(kErrInput, "no weights were kept yet");
    std::vector<AdapterTensorView> views;
    size_t offset = 0;
    for (const ggml_tensor * tensor : params_) {
        views.push_back({tensor->name, tensor->ne[0], tensor->ne[1], weights.data() + offset});
        offset += ggml_nelements(tensor);
    }
    writeAdapterFile(path, {info_.architecture, info_.adapterAlpha, metadata}, views);
}

void TrainerSession::readParams(std::vector<float> & into) const {
    into.resize(info_.trainableParameters);
    size_t offset = 0;
    for (const ggml_tensor * tensor : params_) {
        ggml_backend_tensor_get(tensor, into.data() + offset, 0, ggml_nbytes(tensor));
        offset += ggml_nelements(tensor);
    }
}

void TrainerSession::writeParams(const std::vector<float> & from) {
    size_t offset = 0;
    for (ggml_tensor * tensor : params_) {
        ggml_backend_tensor_set(tensor, from.data() + offset, 0, ggml_nbytes(tensor));
        offset += ggml_nelements(tensor);
    }
}

void TrainerSession::zeroTensors(const std::set<ggml_tensor *> & tensors) {
    for (ggml_tensor * tensor : tensors) ggml_backend_tensor_memset(tensor, 0, 0, ggml_nbytes(tensor));
}

}  // namespace locus
