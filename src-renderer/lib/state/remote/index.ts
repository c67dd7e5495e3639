export { RemoteEngineState } from "./RemoteEngineState.svelte.js";
