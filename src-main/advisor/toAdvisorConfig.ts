import type { AdvisorConfig } from "@common/contract/advisorTypes.js";
import type { MeasuredConfig } from "./run/types.js";

/** What the renderer sees of a configuration: no per-probe scores, no file paths. */
export function toAdvisorConfig({ scores: _scores, modelPath: _modelPath, adapterPath: _adapterPath, documentIds: _documentIds, ...config }: MeasuredConfig): AdvisorConfig {
    return config;
}
