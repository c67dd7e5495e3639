export { AdvisorState, advisorBudgetPresets } from "./AdvisorState.svelte.js";
