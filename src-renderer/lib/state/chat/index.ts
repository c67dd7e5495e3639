export { AttachmentsState, type Upload } from "./AttachmentsState.svelte.js";
export { ChatDefaultsState } from "./ChatDefaultsState.svelte.js";
export { ChatSearchState } from "./ChatSearchState.svelte.js";
export { ChatSettingsState } from "./ChatSettingsState.svelte.js";
export { ChatToolsState } from "./ChatToolsState.svelte.js";
export { draftOf, parseSamplingDraft, samplingLabels, type SamplingDraft } from "./samplingForm.js";
export { shortcutFor, shortcuts, type KeyPress, type Shortcut, type ShortcutAction } from "./shortcuts.js";
