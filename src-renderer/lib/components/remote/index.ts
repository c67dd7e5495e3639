export { default as SettingsEngine } from "./SettingsEngine.svelte";
