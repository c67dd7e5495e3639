export { recommend } from "./recommend.js";
export type { RecommendInput } from "./recommendTypes.js";
export { desiredContextSize } from "./desiredContextSize.js";
export { sizeClassOf, type SizeClass } from "./sizeClassOf.js";
export { estimateFitFromCatalog } from "./fit/estimateFitFromCatalog.js";
export { memoryBudget } from "./fit/memoryBudget.js";
