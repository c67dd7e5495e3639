#pragma once
#include <node_api.h>

namespace locus {

/** Defines the JS class for sessions; call once from the module's init. */
void defineSessionClass(napi_env env);

/** openSession(options): Promise<TrainerSession>, loading everything off the JS thread. */
napi_value openSession(napi_env env, napi_callback_info info);

}  // namespace locus
