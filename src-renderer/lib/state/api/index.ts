export { ApiAccessState } from "./ApiAccessState.svelte.js";
