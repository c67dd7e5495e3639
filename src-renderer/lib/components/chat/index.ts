export { default as ChatView } from "./ChatView.svelte";
export { default as CitationSources } from "./CitationSources.svelte";
export { default as Composer } from "./Composer.svelte";
export { default as Markdown } from "./Markdown.svelte";
export { default as MessageItem } from "./MessageItem.svelte";
export { default as MessageList } from "./MessageList.svelte";
export { default as ModeSwitch } from "./ModeSwitch.svelte";
