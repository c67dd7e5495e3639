#pragma once
// Errors the addon reports to JavaScript. The code becomes `error.code` there, so the TypeScript side
// can turn it into a named error with a kind the UI understands.
#include <stdexcept>
#include <string>

namespace locus {

class TrainerError : public std::runtime_error {
public:
    TrainerError(std::string code, const std::string & message) : std::runtime_error(message), code_(std::move(code)) {}
    const std::string & code() const { return code_; }

private:
    std::string code_;
};

// Stable codes, mirrored in nativeErrors.ts.
inline constexpr const char * kErrInput = "ERR_TRAINER_INPUT";
inline constexpr const char * kErrModelLoad = "ERR_TRAINER_MODEL_LOAD";
inline constexpr const char * kErrAdapter = "ERR_TRAINER_ADAPTER";
inline constexpr const char * kErrContext = "ERR_TRAINER_CONTEXT";
inline constexpr const char * kErrIo = "ERR_TRAINER_IO";
inline constexpr const char * kErrBusy = "ERR_TRAINER_BUSY";
inline constexpr const char * kErrDisposed = "ERR_TRAINER_DISPOSED";
inline constexpr const char * kErrUnsupported = "ERR_TRAINER_UNSUPPORTED";
inline constexpr const char * kErrInternal = "ERR_TRAINER_INTERNAL";

}  // namespace locus
