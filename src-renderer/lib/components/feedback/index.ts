export { default as ConnectionBanner } from "./ConnectionBanner.svelte";
export { default as ErrorBanner } from "./ErrorBanner.svelte";
