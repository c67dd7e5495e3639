#pragma once
// Small helpers over the plain N-API C interface (node_api.h): reading arguments, throwing TrainerError
// as JS errors with a code, and running work off the JS thread as a promise.
#include <node_api.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "TrainerError.h"

namespace locus::napi {

/** Throws a TrainerError when an N-API call fails; its message names the call. */
void check(napi_env env, napi_status status, const char * what);

std::string getString(napi_env env, napi_value value, const char * what);
double getNumber(napi_env env, napi_value value, const char * what);
bool getBool(napi_env env, napi_value value, const char * what);

bool hasProperty(napi_env env, napi_value object, const char * key);
napi_value getProperty(napi_env env, napi_value object, const char * key);
std::string getStringProperty(napi_env env, napi_value object, const char * key);
std::optional<std::string> getOptionalStringProperty(napi_env env, napi_value object, const char * key);
double getNumberProperty(napi_env env, napi_value object, const char * key, std::optional<double> fallback = std::nullopt);
std::vector<std::string> getStringArrayProperty(napi_env env, napi_value object, const char * key);
/** Every own enumerable string-valued property of a plain object. */
std::map<std::string, std::string> getStringRecordProperty(napi_env env, napi_value object, const char * key);
/** Copies an Int32Array argument. */
std::vector<int32_t> getInt32Array(napi_env env, napi_value value, const char * what);

napi_value makeNumber(napi_env env, double value);
napi_value makeString(napi_env env, const std::string & value);
napi_value makeBool(napi_env env, bool value);
napi_value makeInt32Array(napi_env env, const std::vector<int32_t> & values);
void setProperty(napi_env env, napi_value object, const char * key, napi_value value);

/** Throws `error` into JS (code + message) and returns nullptr for the callback to return. */
napi_value throwError(napi_env env, const TrainerError & error);

/** Reads the callback's arguments; throws when fewer than `required` were passed. */
std::vector<napi_value> arguments(napi_env env, napi_callback_info info, size_t required, napi_value * self = nullptr);

/**
 * Work that runs on a libuv pool thread and settles a promise. `execute` runs off the JS thread and may
 * throw TrainerError; `result` builds the resolved value on the JS thread; `settled` always runs last,
 * on the JS thread, success or not (release references, clear busy flags).
 */
class AsyncTask {
public:
    virtual ~AsyncTask() = default;
    virtual void execute() = 0;
    virtual napi_value result(napi_env env) = 0;
    virtual void settled(napi_env env) {}

    /** Queues the task and returns its promise; takes ownership of `task`. */
    static napi_value queue(napi_env env, AsyncTask * task, const char * name);

private:
    static void onExecute(napi_env env, void * data);
    static void onComplete(napi_env env, napi_status status, void * data);

    napi_async_work work_ = nullptr;
    napi_deferred deferred_ = nullptr;
    bool failed_ = false;
    std::string errorCode_;
    std::string errorMessage_;
};

/** A promise already rejected with `error` (code + message). */
napi_value rejectedPromise(napi_env env, const TrainerError & error);

/** Wraps the body of a promise-returning callback: anything thrown becomes a rejected promise. */
template <typename Body>
napi_value guardAsync(napi_env env, Body && body) {
    try {
        return body();
    } catch (const TrainerError & error) {
        return rejectedPromise(env, error);
    } catch (const std::exception & error) {
        return rejectedPromise(env, TrainerError(kErrInternal, error.what()));
    }
}

/** Wraps a callback body so any TrainerError or std::exception becomes a JS exception. */
template <typename Body>
napi_value guard(napi_env env, Body && body) {
    try {
        return body();
    } catch (const TrainerError & error) {
        return throwError(env, error);
    } catch (const std::exception & error) {
        return throwError(env, TrainerError(kErrInternal, error.what()));
    }
}

}  // namespace locus::napi
