export { ChatsState } from "./ChatsState.svelte.js";
export { ConnectionState } from "./ConnectionState.svelte.js";
export { ConversationState, type Generation } from "./ConversationState.svelte.js";
export { ErrorsState, type ErrorNotice } from "./ErrorsState.svelte.js";
export { LocusApp, type MainView } from "./LocusApp.svelte.js";
export { applyOutcome, outcomeOf, type MessageOutcome, type MessageView } from "./messageOutcome.js";
export { ModelsState } from "./ModelsState.svelte.js";
export * from "./setup/index.js";
export * from "./library/index.js";
