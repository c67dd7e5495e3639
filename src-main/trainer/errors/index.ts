export { AdapterBaseMismatchError, type AdapterBaseMismatchDetails } from "./AdapterBaseMismatchError.js";
export { NativeTrainerError, type NativeTrainerErrorDetails } from "./NativeTrainerError.js";
export { NotEnoughTrainingDataError, type NotEnoughTrainingDataDetails } from "./NotEnoughTrainingDataError.js";
export { reviveTrainerError } from "./reviveTrainerError.js";
export { TrainerError } from "./TrainerError.js";
export { TrainerUnavailableError, type TrainerUnavailableDetails } from "./TrainerUnavailableError.js";
export { TrainingDivergedError, type TrainingDivergedDetails } from "./TrainingDivergedError.js";
