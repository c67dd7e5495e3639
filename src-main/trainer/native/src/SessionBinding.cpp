#include "SessionBinding.h"

#include <atomic>
#include <memory>

#include "Backend.h"
#include "TrainerSession.h"
#include "napi.h"

namespace locus {

namespace {

/** What a JS session object owns. One native call at a time: llama contexts are not re-entrant. */
struct SessionHandle {
    std::unique_ptr<TrainerSession> session;
    std::atomic<bool> busy{false};
};

struct ModuleData {
    napi_ref sessionClass = nullptr;
};

ModuleData * moduleData(napi_env env) {
    void * data = nullptr;
    napi::check(env, napi_get_instance_data(env, &data), "instance data");
    return static_cast<ModuleData *>(data);
}

SessionHandle * unwrap(napi_env env, napi_value self) {
    void * pointer = nullptr;
    napi::check(env, napi_unwrap(env, self, &pointer), "session");
    return static_cast<SessionHandle *>(pointer);
}

/** Claims the session for one call; throws when it is busy or disposed. */
SessionHandle * claim(napi_env env, napi_value self) {
    SessionHandle * handle = unwrap(env, self);
    if (!handle->session) throw TrainerError(kErrDisposed, "the training session was disposed");
    bool expected = false;
    if (!handle->busy.compare_exchange_strong(expected, true)) {
        throw TrainerError(kErrBusy, "the training session is already running a call");
    }
    return handle;
}

/** A session call running off the JS thread; keeps the JS object alive and the session claimed. */
class SessionTask : public napi::AsyncTask {
public:
    SessionTask(napi_env env, napi_value self, SessionHandle * handle) : handle_(handle) {
        napi::check(env, napi_create_reference(env, self, 1, &self_), "session reference");
    }
    void settled(napi_env env) override {
        handle_->busy.store(false);
        napi_delete_reference(env, self_);
    }

protected:
    TrainerSession & session() { return *handle_->session; }
    SessionHandle * handle_;

private:
    napi_ref self_ = nullptr;
};

class TokenizeTask : public SessionTask {
public:
    TokenizeTask(napi_env env, napi_value self, SessionHandle * handle, std::string text, bool addSpecial, bool parseSpecial)
        : SessionTask(env, self, handle), text_(std::move(text)), addSpecial_(addSpecial), parseSpecial_(parseSpecial) {}
    void execute() override { tokens_ = session().tokenize(text_, addSpecial_, parseSpecial_); }
    napi_value result(napi_env env) override { return napi::makeInt32Array(env, tokens_); }

private:
    std::string text_;
    bool addSpecial_;
    bool parseSpecial_;
    std::vector<int32_t> tokens_;
};

class TrainStepTask : public SessionTask {
public:
    TrainStepTask(napi_env env, napi_value self, SessionHandle * handle, std::vector<int32_t> window, float learningRate)
        : SessionTask(env, self, handle), window_(std::move(window)), learningRate_(learningRate) {}
    void execute() override { step_ = session().trainStep(window_, learningRate_); }
    napi_value result(napi_env env) override {
        napi_value object;
        napi::check(env, napi_create_object(env, &object), "result");
        napi::setProperty(env, object, "loss", napi::makeNumber(env, step_.loss));
        napi::setProperty(env, object, "diverged", napi::makeBool(env, step_.diverged));
        napi::setProperty(env, object, "seconds", napi::makeNumber(env, step_.seconds));
        return object;
    }

private:
    std::vector<int32_t> window_;
    float learningRate_;
    StepResult step_;
};

class EvaluateTask : public SessionTask {
public:
    EvaluateTask(napi_env env, napi_value self, SessionHandle * handle, std::vector<int32_t> windows, bool best)
        : SessionTask(env, self, handle), windows_(std::move(windows)), best_(best) {}
    void execute() override { eval_ = session().evaluate(windows_, best_); }
    napi_value result(napi_env env) override {
        napi_value object;
        napi::check(env, napi_create_object(env, &object), "result");
        napi::setProperty(env, object, "loss", napi::makeNumber(env, eval_.loss));
        napi::setProperty(env, object, "tokens", napi::makeNumber(env, static_cast<double>(eval_.tokens)));
        napi::setProperty(env, object, "seconds", napi::makeNumber(env, eval_.seconds));
        return object;
    }

private:
    std::vector<int32_t> windows_;
    bool best_;
    EvalResult eval_;
};

class SaveTask : public SessionTask {
public:
    SaveTask(napi_env env, napi_value self, SessionHandle * handle, std::string path, bool best, std::map<std::string, std::string> metadata)
        : SessionTask(env, self, handle), path_(std::move(path)), best_(best), metadata_(std::move(metadata)) {}
    void execute() override { session().save(path_, best_, metadata_); }
    napi_value result(napi_env env) override { return napi::makeString(env, path_); }

private:
    std::string path_;
    bool best_;
    std::map<std::string, std::string> metadata_;
};

class DisposeTask : public SessionTask {
public:
    using SessionTask::SessionTask;
    void execute() override { handle_->session.reset(); }
    napi_value result(napi_env env) override {
        napi_value undefined;
        napi_get_undefined(env, &undefined);
        return undefined;
    }
};

class OpenTask : public napi::AsyncTask {
public:
    explicit OpenTask(SessionOptions options) : options_(std::move(options)) {}
    void execute() override { session_ = std::make_unique<TrainerSession>(options_); }
    napi_value result(napi_env env) override {
        napi_value constructor;
        napi::check(env, napi_get_reference_value(env, moduleData(env)->sessionClass, &constructor), "session class");
        napi_value object;
        napi::check(env, napi_new_instance(env, constructor, 0, nullptr, &object), "session");
        SessionHandle * handle = unwrap(env, object);
        handle->session = std::move(session_);
        return object;
    }

private:
    SessionOptions options_;
    std::unique_ptr<TrainerSession> session_;
};

napi_value infoObject(napi_env env, const SessionInfo & info) {
    napi_value object;
    napi::check(env, napi_create_object(env, &object), "info");
    auto number = [&](const char * key, double value) { napi::setProperty(env, object, key, napi::makeNumber(env, value)); };
    napi::setProperty(env, object, "architecture", napi::makeString(env, info.architecture));
    napi::setProperty(env, object, "description", napi::makeString(env, info.description));
    number("contextSize", info.contextSize);
    number("microBatchSize", info.microBatchSize);
    number("threads", info.threads);
    number("layerCount", info.layerCount);
    number("vocabularySize", info.vocabularySize);
    number("bosToken", info.bosToken);
    number("eosToken", info.eosToken);
    number("modelBytes", static_cast<double>(info.modelBytes));
    number("adapterMatrices", static_cast<double>(info.adapterMatrices));
    number("trainableParameters", static_cast<double>(info.trainableParameters));
    number("adapterAlpha", info.adapterAlpha);
    number("forwardGraphNodes", info.forwardGraphNodes);
    number("trainingGraphNodes", info.trainingGraphNodes);
    number("graphPaddingCopies", info.graphPaddingCopies);
    napi::setProperty(env, object, "repackedWeights", napi::makeBool(env, info.repackedWeights));
    return object;
}

napi_value construct(napi_env env, napi_callback_info info) {
    return napi::guard(env, [&]() -> napi_value {
        napi_value self;
        napi::arguments(env, info, 0, &self);
        auto * handle = new SessionHandle();
        napi_status status = napi_wrap(env, self, handle,
            [](napi_env, void * data, void *) { delete static_cast<SessionHandle *>(data); }, nullptr, nullptr);
        if (status != napi_ok) {
            delete handle;
            napi::check(env, status, "session");
        }
        return self;
    });
}

napi_value tokenize(napi_env env, napi_callback_info info) {
    return napi::guardAsync(env, [&]() -> napi_value {
        napi_value self;
        auto args = napi::arguments(env, info, 2, &self);
        std::string text = napi::getString(env, args[0], "text");
        const bool addSpecial = napi::getBool(env, args[1], "addSpecial");
        const bool parseSpecial = args.size() > 2 && napi::getBool(env, args[2], "parseSpecial");
        SessionHandle * handle = claim(env, self);
        return napi::AsyncTask::queue(env, new TokenizeTask(env, self, handle, std::move(text), addSpecial, parseSpecial), "locus.tokenize");
    });
}

napi_value formatExchange(napi_env env, napi_callback_info info) {
    return napi::guard(env, [&]() -> napi_value {
        napi_value self;
        auto args = napi::arguments(env, info, 2, &self);
        const std::string question = napi::getString(env, args[0], "question");
        const std::string answer = napi::getString(env, args[1], "answer");
        SessionHandle * handle = claim(env, self);
        std::optional<std::string> text;
        try {
            text = handle->session->formatExchange(question, answer);
        } catch (...) {
            handle->busy.store(false);
            throw;
        }
        handle->busy.store(false);
        if (text.has_value()) return napi::makeString(env, *text);
        napi_value null;
        napi_get_null(env, &null);
        return null;
    });
}

napi_value trainStep(napi_env env, napi_callback_info info) {
    return napi::guardAsync(env, [&]() -> napi_value {
        napi_value self;
        auto args = napi::arguments(env, info, 2, &self);
        std::vector<int32_t> window = napi::getInt32Array(env, args[0], "window");
        const float learningRate = static_cast<float>(napi::getNumber(env, args[1], "learningRate"));
        SessionHandle * handle = claim(env, self);
        return napi::AsyncTask::queue(env, new TrainStepTask(env, self, handle, std::move(window), learningRate), "locus.trainStep");
    });
}

napi_value evaluate(napi_env env, napi_callback_info info) {
    return napi::guardAsync(env, [&]() -> napi_value {
        napi_value self;
        auto args = napi::arguments(env, info, 1, &self);
        std::vector<int32_t> windows = napi::getInt32Array(env, args[0], "windows");
        const bool best = args.size() > 1 && napi::hasProperty(env, args[1], "best") &&
            napi::getBool(env, napi::getProperty(env, args[1], "best"), "best");
        SessionHandle * handle = claim(env, self);
        return napi::AsyncTask::queue(env, new EvaluateTask(env, self, handle, std::move(windows), best), "locus.evaluate");
    });
}

napi_value save(napi_env env, napi_callback_info info) {
    return napi::guardAsync(env, [&]() -> napi_value {
        napi_value self;
        auto args = napi::arguments(env, info, 2, &self);
        std::string path = napi::getString(env, args[0], "path");
        const bool best = napi::hasProperty(env, args[1], "best") && napi::getBool(env, napi::getProperty(env, args[1], "best"), "best");
        auto metadata = napi::getStringRecordProperty(env, args[1], "metadata");
        SessionHandle * handle = claim(env, self);
        return napi::AsyncTask::queue(env, new SaveTask(env, self, handle, std::move(path), best, std::move(metadata)), "locus.save");
    });
}

/** Runs a quick synchronous call on a claimed session. */
template <typename Call>
napi_value syncCall(napi_env env, napi_callback_info info, Call && call) {
    return napi::guard(env, [&]() -> napi_value {
        napi_value self;
        napi::arguments(env, info, 0, &self);
        SessionHandle * handle = claim(env, self);
        try {
            napi_value value = call(*handle->session);
            handle->busy.store(false);
            return value;
        } catch (...) {
            handle->busy.store(false);
            throw;
        }
    });
}

napi_value keepBest(napi_env env, napi_callback_info info) {
    return syncCall(env, info, [&](TrainerSession & session) {
        session.keepBest();
        napi_value undefined;
        napi_get_undefined(env, &undefined);
        return undefined;
    });
}

napi_value restoreBest(napi_env env, napi_callback_info info) {
    return syncCall(env, info, [&](TrainerSession & session) {
        session.restoreBest();
        napi_value undefined;
        napi_get_undefined(env, &undefined);
        return undefined;
    });
}

napi_value sessionInfo(napi_env env, napi_callback_info info) {
    return syncCall(env, info, [&](TrainerSession & session) { return infoObject(env, session.info()); });
}

napi_value dispose(napi_env env, napi_callback_info info) {
    return napi::guardAsync(env, [&]() -> napi_value {
        napi_value self;
        napi::arguments(env, info, 0, &self);
        SessionHandle * handle = unwrap(env, self);
        if (!handle->session) {
            napi_value promise;
            napi_deferred deferred;
            napi::check(env, napi_create_promise(env, &deferred, &promise), "dispose");
            napi_value undefined;
            napi_get_undefined(env, &undefined);
            napi_resolve_deferred(env, deferred, undefined);
            return promise;
        }
        claim(env, self);
        return napi::AsyncTask::queue(env, new DisposeTask(env, self, handle), "locus.dispose");
    });
}

SessionOptions readSessionOptions(napi_env env, napi_value options) {
    SessionOptions result;
    result.modelPath = napi::getStringProperty(env, options, "modelPath");
    result.adapterPath = napi::getStringProperty(env, options, "adapterPath");
    result.scratchDir = napi::getStringProperty(env, options, "scratchDir");
    result.contextSize = static_cast<uint32_t>(napi::getNumberProperty(env, options, "contextSize", 512));
    result.microBatchSize = static_cast<uint32_t>(napi::getNumberProperty(env, options, "microBatchSize", 0));
    result.threads = static_cast<int>(napi::getNumberProperty(env, options, "threads"));
    result.beta1 = static_cast<float>(napi::getNumberProperty(env, options, "beta1", 0.9));
    result.beta2 = static_cast<float>(napi::getNumberProperty(env, options, "beta2", 0.999));
    result.epsilon = static_cast<float>(napi::getNumberProperty(env, options, "epsilon", 1e-8));
    result.weightDecay = static_cast<float>(napi::getNumberProperty(env, options, "weightDecay", 0));
    result.paddingCopies = static_cast<int>(napi::getNumberProperty(env, options, "graphPaddingCopies", -1));
    return result;
}

}  // namespace

void defineSessionClass(napi_env env) {
    const napi_property_descriptor methods[] = {
        {"tokenize", nullptr, tokenize, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"formatExchange", nullptr, formatExchange, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"trainStep", nullptr, trainStep, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"evaluate", nullptr, evaluate, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"keepBest", nullptr, keepBest, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"restoreBest", nullptr, restoreBest, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"save", nullptr, save, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"info", nullptr, sessionInfo, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"dispose", nullptr, dispose, nullptr, nullptr, nullptr, napi_default, nullptr},
    };
    napi_value constructor;
    napi::check(env, napi_define_class(env, "TrainerSession", NAPI_AUTO_LENGTH, construct, nullptr,
        sizeof(methods) / sizeof(methods[0]), methods, &constructor), "session class");
    auto * data = new ModuleData();
    napi::check(env, napi_create_reference(env, constructor, 1, &data->sessionClass), "session class");
    napi::check(env, napi_set_instance_data(env, data,
        [](napi_env, void * pointer, void *) { delete static_cast<ModuleData *>(pointer); }, nullptr), "instance data");
}

napi_value openSession(napi_env env, napi_callback_info info) {
    return napi::guardAsync(env, [&]() -> napi_value {
        auto args = napi::arguments(env, info, 1);
        if (!backendReady()) throw TrainerError(kErrInput, "call initBackend before opening a session");
        return napi::AsyncTask::queue(env, new OpenTask(readSessionOptions(env, args[0])), "locus.openSession");
    });
}

}  // namespace locus
