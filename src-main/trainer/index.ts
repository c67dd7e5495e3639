export { readAdapterBaseFingerprint, verifyAdapterBase } from "./adapter/verifyAdapterBase.js";
export { fingerprintModelFile } from "./adapter/fingerprintModelFile.js";
export { withDefaultTrainingOptions, type RequiredTrainingOptions } from "./defaultTrainingOptions.js";
export * from "./errors/index.js";
export { TrainerClient, type TrainCallOptions, type TrainerClientOptions, type TrainRequest } from "./TrainerClient.js";
export {
    loraTargets,
    type LoraShape,
    type LoraTarget,
    type StopReason,
    type TrainingCheckpoint,
    type TrainingDocument,
    type TrainingEvent,
    type TrainingOptions,
    type TrainingProgress,
    type TrainingRequest,
    type TrainingResult,
    type TrainingStats
} from "./types.js";
