export { default as ConnectionBanner } from "./ConnectionBanner.svelte";
export { default as ErrorBanner } from "./ErrorBanner.svelte";
export { default as MissingPartsBanner } from "./MissingPartsBanner.svelte";
