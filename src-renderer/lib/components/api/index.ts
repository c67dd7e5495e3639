export { default as SettingsApi } from "./SettingsApi.svelte";
