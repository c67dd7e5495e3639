export { PersonalizeState, type PersonalizeDeps } from "./PersonalizeState.svelte.js";
export {
    budgetPresets, defaultBudgetMinutes, maxBudgetMinutes, minBudgetMinutes, newerRun, parseBudget, selectedDocumentIds, startBlocker,
    toggleChoice, trainingCandidates, unavailableReason, type StartConditions, type TrainingCandidate
} from "./trainingForm.js";
