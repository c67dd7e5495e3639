export { clamp01, describeEngineStatus } from "./describeEngineStatus.js";
export { formatBytes } from "./formatBytes.js";
