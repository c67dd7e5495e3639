export { CollectionsState, type CollectionFilter } from "./CollectionsState.svelte.js";
export { ChatModesState } from "./ChatModesState.svelte.js";
export { emptyChatModes, maxRememberedChats, parseChatModes, withChatMode, withoutChat, type ChatModes } from "./chatModes.js";
export { idleProgress, LibraryState } from "./LibraryState.svelte.js";
export { libraryRows, type LibraryRow } from "./libraryRows.js";
export { SourceState } from "./SourceState.svelte.js";
