#include "napi.h"

namespace locus::napi {

void check(napi_env env, napi_status status, const char * what) {
    if (status == napi_ok) return;
    const napi_extended_error_info * info = nullptr;
    napi_get_last_error_info(env, &info);
    std::string detail = info != nullptr && info->error_message != nullptr ? info->error_message : "unknown N-API error";
    throw TrainerError(kErrInput, std::string(what) + ": " + detail);
}

std::string getString(napi_env env, napi_value value, const char * what) {
    napi_valuetype type;
    check(env, napi_typeof(env, value, &type), what);
    if (type != napi_string) throw TrainerError(kErrInput, std::string(what) + " must be a string");
    size_t length = 0;
    check(env, napi_get_value_string_utf8(env, value, nullptr, 0, &length), what);
    std::string text(length, '\0');
    check(env, napi_get_value_string_utf8(env, value, text.data(), length + 1, &length), what);
    return text;
}

double getNumber(napi_env env, napi_value value, const char * what) {
    napi_valuetype type;
    check(env, napi_typeof(env, value, &type), what);
    if (type != napi_number) throw TrainerError(kErrInput, std::string(what) + " must be a number");
    double number = 0;
    check(env, napi_get_value_double(env, value, &number), what);
    return number;
}

bool getBool(napi_env env, napi_value value, const char * what) {
    napi_valuetype type;
    check(env, napi_typeof(env, value, &type), what);
    if (type != napi_boolean) throw TrainerError(kErrInput, std::string(what) + " must be a boolean");
    bool flag = false;
    check(env, napi_get_value_bool(env, value, &flag), what);
    return flag;
}

bool hasProperty(napi_env env, napi_value object, const char * key) {
    bool has = false;
    check(env, napi_has_named_property(env, object, key, &has), key);
    if (!has) return false;
    napi_valuetype type;
    check(env, napi_typeof(env, getProperty(env, object, key), &type), key);
    return type != napi_undefined && type != napi_null;
}

napi_value getProperty(napi_env env, napi_value object, const char * key) {
    napi_value value;
    check(env, napi_get_named_property(env, object, key, &value), key);
    return value;
}

std::string getStringProperty(napi_env env, napi_value object, const char * key) {
    if (!hasProperty(env, object, key)) throw TrainerError(kErrInput, std::string(key) + " is required");
    return getString(env, getProperty(env, object, key), key);
}

std::optional<std::string> getOptionalStringProperty(napi_env env, napi_value object, const char * key) {
    if (!hasProperty(env, object, key)) return std::nullopt;
    return getString(env, getProperty(env, object, key), key);
}

double getNumberProperty(napi_env env, napi_value object, const char * key, std::optional<double> fallback) {
    if (!hasProperty(env, object, key)) {
        if (fallback) return *fallback;
        throw TrainerError(kErrInput, std::string(key) + " is required");
    }
    return getNumber(env, getProperty(env, object, key), key);
}

std::vector<std::string> getStringArrayProperty(napi_env env, napi_value object, const char * key) {
    std::vector<std::string> items;
    if (!hasProperty(env, object, key)) return items;
    napi_value array = getProperty(env, object, key);
    bool isArray = false;
    check(env, napi_is_array(env, array, &isArray), key);
    if (!isArray) throw TrainerError(kErrInput, std::string(key) + " must be an array of strings");
    uint32_t length = 0;
    check(env, napi_get_array_length(env, array, &length), key);
    for (uint32_t i = 0; i < length; i++) {
        napi_value item;
        check(env, napi_get_element(env, array, i, &item), key);
        items.push_back(getString(env, item, key));
    }
    return items;
}

std::map<std::string, std::string> getStringRecordProperty(napi_env env, napi_value object, const char * key) {
    std::map<std::string, std::string> record;
    if (!hasProperty(env, object, key)) return record;
    napi_value value = getProperty(env, object, key);
    napi_value names;
    check(env, napi_get_property_names(env, value, &names), key);
    uint32_t length = 0;
    check(env, napi_get_array_length(env, names, &length), key);
    for (uint32_t i = 0; i < length; i++) {
        napi_value name;
        check(env, napi_get_element(env, names, i, &name), key);
        napi_value item;
        check(env, napi_get_property(env, value, name, &item), key);
        record[getString(env, name, key)] = getString(env, item, key);
    }
    return record;
}

std::vector<int32_t> getInt32Array(napi_env env, napi_value value, const char * what) {
    bool isTyped = false;
    check(env, napi_is_typedarray(env, value, &isTyped), what);
    if (!isTyped) throw TrainerError(kErrInput, std::string(what) + " must be an Int32Array");
    napi_typedarray_type type;
    size_t length = 0;
    void * data = nullptr;
    check(env, napi_get_typedarray_info(env, value, &type, &length, &data, nullptr, nullptr), what);
    if (type != napi_int32_array) throw TrainerError(kErrInput, std::string(what) + " must be an Int32Array");
    const auto * begin = static_cast<const int32_t *>(data);
    return std::vector<int32_t>(begin, begin + length);
}

napi_value makeNumber(napi_env env, double value) {
    napi_value result;
    check(env, napi_create_double(env, value, &result), "number");
    return result;
}

napi_value makeString(napi_env env, const std::string & value) {
    napi_value result;
    check(env, napi_create_string_utf8(env, value.data(), value.size(), &result), "string");
    return result;
}

napi_value makeBool(napi_env env, bool value) {
    napi_value result;
    check(env, napi_get_boolean(env, value, &result), "boolean");
    return result;
}

napi_value makeInt32Array(napi_env env, const std::vector<int32_t> & values) {
    void * data = nullptr;
    napi_value buffer;
    check(env, napi_create_arraybuffer(env, values.size() * sizeof(int32_t), &data, &buffer), "Int32Array");
    if (!values.empty()) std::copy(values.begin(), values.end(), static_cast<int32_t *>(data));
    napi_value array;
    check(env, napi_create_typedarray(env, napi_int32_array, values.size(), buffer, 0, &array), "Int32Array");
    return array;
}

void setProperty(napi_env env, napi_value object, const char * key, napi_value value) {
    check(env, napi_set_named_property(env, object, key, value), key);
}

napi_value throwError(napi_env env, const TrainerError & error) {
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (!pending) napi_throw_error(env, error.code().c_str(), error.what());
    return nullptr;
}

napi_value rejectedPromise(napi_env env, const TrainerError & error) {
    napi_deferred deferred;
    napi_value promise;
    napi_value code;
    napi_value message;
    napi_value value;
    if (napi_create_promise(env, &deferred, &promise) != napi_ok) return throwError(env, error);
    napi_create_string_utf8(env, error.code().c_str(), NAPI_AUTO_LENGTH, &code);
    napi_create_string_utf8(env, error.what(), NAPI_AUTO_LENGTH, &message);
    napi_create_error(env, code, message, &value);
    napi_reject_deferred(env, deferred, value);
    return promise;
}

std::vector<napi_value> arguments(napi_env env, napi_callback_info info, size_t required, napi_value * self) {
    size_t count = 8;
    std::vector<napi_value> args(count);
    check(env, napi_get_cb_info(env, info, &count, args.data(), self, nullptr), "arguments");
    if (count < required) throw TrainerError(kErrInput, "expected " + std::to_string(required) + " argument(s)");
    args.resize(count);
    return args;
}

napi_value AsyncTask::queue(napi_env env, AsyncTask * task, const char * name) {
    napi_value promise;
    napi_status status = napi_create_promise(env, &task->deferred_, &promise);
    napi_value resourceName;
    if (status == napi_ok) status = napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &resourceName);
    if (status == napi_ok) status = napi_create_async_work(env, nullptr, resourceName, onExecute, onComplete, task, &task->work_);
    if (status == napi_ok) status = napi_queue_async_work(env, task->work_);
    if (status != napi_ok) {
        task->settled(env);
        delete task;
        check(env, status, name);
    }
    return promise;
}

void AsyncTask::onExecute(napi_env, void * data) {
    auto * task = static_cast<AsyncTask *>(data);
    try {
        task->execute();
    } catch (const TrainerError & error) {
        task->failed_ = true;
        task->errorCode_ = error.code();
        task->errorMessage_ = error.what();
    } catch (const std::exception & error) {
        task->failed_ = true;
        task->errorCode_ = kErrInternal;
        task->errorMessage_ = error.what();
    }
}

void AsyncTask::onComplete(napi_env env, napi_status status, void * data) {
    auto * task = static_cast<AsyncTask *>(data);
    if (status == napi_cancelled && !task->failed_) {
        task->failed_ = true;
        task->errorCode_ = kErrInternal;
        task->errorMessage_ = "the task was cancelled before it ran";
    }
    napi_value value = nullptr;
    if (!task->failed_) {
        try {
            value = task->result(env);
        } catch (const TrainerError & error) {
            task->failed_ = true;
            task->errorCode_ = error.code();
            task->errorMessage_ = error.what();
        }
    }
    task->settled(env);
    if (task->failed_) {
        napi_value code;
        napi_value message;
        napi_value error;
        napi_create_string_utf8(env, task->errorCode_.c_str(), NAPI_AUTO_LENGTH, &code);
        napi_create_string_utf8(env, task->errorMessage_.c_str(), NAPI_AUTO_LENGTH, &message);
        napi_create_error(env, code, message, &error);
        napi_reject_deferred(env, task->deferred_, error);
    } else {
        napi_resolve_deferred(env, task->deferred_, value);
    }
    napi_delete_async_work(env, task->work_);
    delete task;
}

}  // namespace locus::napi
