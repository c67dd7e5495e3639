export { contextOptions } from "./contextOptions.js";
export { DocumentLimitsEditor } from "./DocumentLimitsEditor.svelte.js";
export { documentLimitProblem, limitLabels, type DocumentLimitKey, type DocumentLimits } from "./documentLimitProblem.js";
export { DownloadsState } from "./DownloadsState.svelte.js";
export { EmbeddingModelPicker } from "./EmbeddingModelPicker.svelte.js";
export { RerankerPicker } from "./RerankerPicker.svelte.js";
export { budgetOptions, difficultyOptions, latencyOptions, type GoalOption } from "./goalOptions.js";
export { browserKeyValueStore, memoryKeyValueStore, type KeyValueStore } from "./keyValueStore.js";
export { loraBudgets, loraRanks, SettingsPanelState, type PendingChoice } from "./SettingsPanelState.svelte.js";
export { mainSettingsPatch, type SettingsPatch } from "./mainSettingsPatch.js";
export { localSettingsStorage, SettingsState, type SettingsStorage } from "./SettingsState.svelte.js";
export { SetupInfoState } from "./SetupInfoState.svelte.js";
export {
    choicesFromRecommendation, parseSetupChoices,
    type LearningChoice, type ModelRef, type SetupChoices, type SetupGoals
} from "./setupChoices.js";
export { WizardState, type DownloadTarget, type WizardDeps } from "./WizardState.svelte.js";
export { wizardSteps, wizardStepTitles, type WizardStep } from "./wizardSteps.js";
export { BackupsState } from "./BackupsState.svelte.js";
