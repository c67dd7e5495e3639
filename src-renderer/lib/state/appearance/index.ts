export { ThemeState, type ThemeChoice } from "./ThemeState.svelte.js";
