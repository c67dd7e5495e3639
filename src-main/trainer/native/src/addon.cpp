// Entry of the trainer addon: initBackend, writeFreshAdapter and openSession. Everything slow runs off
// the JS thread and returns a promise; the TypeScript wrapper is src-main/trainer/nativeTrainer.ts.
#include <node_api.h>

#include "Backend.h"
#include "FreshAdapter.h"
#include "Quantize.h"
#include "SessionBinding.h"
#include "napi.h"

namespace locus {

namespace {

napi_value initBackend(napi_env env, napi_callback_info info) {
    return napi::guard(env, [&]() -> napi_value {
        auto args = napi::arguments(env, info, 1);
        const std::string libraryDir = napi::getString(env, args[0], "libraryDir");
        const bool verbose = args.size() > 1 && napi::getBool(env, args[1], "verbose");
        const std::string cpuBackend = args.size() > 2 ? napi::getString(env, args[2], "cpuBackendPath") : "";
        return napi::makeString(env, ensureBackend(libraryDir, cpuBackend, verbose));
    });
}

class FreshAdapterTask : public napi::AsyncTask {
public:
    explicit FreshAdapterTask(FreshAdapterOptions options) : options_(std::move(options)) {}
    void execute() override { summary_ = writeFreshAdapter(options_); }
    napi_value result(napi_env env) override {
        napi_value object;
        napi::check(env, napi_create_object(env, &object), "summary");
        napi::setProperty(env, object, "architecture", napi::makeString(env, summary_.architecture));
        napi::setProperty(env, object, "layerCount", napi::makeNumber(env, summary_.layerCount));
        napi::setProperty(env, object, "firstLayer", napi::makeNumber(env, summary_.firstLayer));
        napi::setProperty(env, object, "lastLayer", napi::makeNumber(env, summary_.lastLayer));
        napi::setProperty(env, object, "matrixCount", napi::makeNumber(env, static_cast<double>(summary_.matrixCount)));
        napi::setProperty(env, object, "parameterCount", napi::makeNumber(env, static_cast<double>(summary_.parameterCount)));
        return object;
    }

private:
    FreshAdapterOptions options_;
    FreshAdapterSummary summary_;
};

napi_value writeFreshAdapterBinding(napi_env env, napi_callback_info info) {
    return napi::guardAsync(env, [&]() -> napi_value {
        auto args = napi::arguments(env, info, 1);
        FreshAdapterOptions options;
        options.modelPath = napi::getStringProperty(env, args[0], "modelPath");
        options.outputPath = napi::getStringProperty(env, args[0], "outputPath");
        options.targets = napi::getStringArrayProperty(env, args[0], "targets");
        options.rank = static_cast<int>(napi::getNumberProperty(env, args[0], "rank"));
        options.alpha = static_cast<float>(napi::getNumberProperty(env, args[0], "alpha"));
        options.lastLayers = static_cast<int>(napi::getNumberProperty(env, args[0], "lastLayers", 0));
        options.seed = static_cast<uint32_t>(napi::getNumberProperty(env, args[0], "seed", 1));
        options.metadata = napi::getStringRecordProperty(env, args[0], "metadata");
        return napi::AsyncTask::queue(env, new FreshAdapterTask(std::move(options)), "locus.writeFreshAdapter");
    });
}

class QuantizeTask : public napi::AsyncTask {
public:
    explicit QuantizeTask(QuantizeOptions options) : options_(std::move(options)) {}
    void execute() override { quantizeModel(options_); }
    napi_value result(napi_env env) override { return napi::makeString(env, options_.outputPath); }

private:
    QuantizeOptions options_;
};

napi_value quantizeModelBinding(napi_env env, napi_callback_info info) {
    return napi::guardAsync(env, [&]() -> napi_value {
        auto args = napi::arguments(env, info, 1);
        QuantizeOptions options;
        options.inputPath = napi::getStringProperty(env, args[0], "inputPath");
        options.outputPath = napi::getStringProperty(env, args[0], "outputPath");
        options.type = napi::getStringProperty(env, args[0], "type");
        options.threads = static_cast<int>(napi::getNumberProperty(env, args[0], "threads", 1));
        return napi::AsyncTask::queue(env, new QuantizeTask(std::move(options)), "locus.quantizeModel");
    });
}

napi_value init(napi_env env, napi_value exports) {
    return napi::guard(env, [&]() -> napi_value {
        defineSessionClass(env);
        const napi_property_descriptor functions[] = {
            {"initBackend", nullptr, initBackend, nullptr, nullptr, nullptr, napi_default, nullptr},
            {"writeFreshAdapter", nullptr, writeFreshAdapterBinding, nullptr, nullptr, nullptr, napi_default, nullptr},
            {"openSession", nullptr, openSession, nullptr, nullptr, nullptr, napi_default, nullptr},
            {"quantizeModel", nullptr, quantizeModelBinding, nullptr, nullptr, nullptr, napi_default, nullptr},
        };
        napi::check(env, napi_define_properties(env, exports, sizeof(functions) / sizeof(functions[0]), functions), "exports");
        return exports;
    });
}

}  // namespace

}  // namespace locus

NAPI_MODULE_INIT() { return locus::init(env, exports); }
