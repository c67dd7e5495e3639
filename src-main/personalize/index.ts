export { AdapterService, toEngineAdapter, type AdapterEngine } from "./AdapterService.js";
export { createPersonalize, type Personalize } from "./createPersonalize.js";
export { TrainingService, type StartTraining, type ThreadBudget, type TrainingServiceOptions } from "./TrainingService.js";
