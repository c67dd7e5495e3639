export { default as ChatListItem } from "./ChatListItem.svelte";
export { default as Icon } from "./Icon.svelte";
export { pencilIcon, trashIcon } from "./icons.js";
export { default as Sidebar } from "./Sidebar.svelte";
export { default as ChatSearch } from "./ChatSearch.svelte";
