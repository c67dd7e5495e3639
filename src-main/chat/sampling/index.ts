export { effectiveSampling, type SamplingLayers } from "./effectiveSampling.js";
export { modelSampling } from "./modelSampling.js";
export { toEngineSampling } from "./toEngineSampling.js";
