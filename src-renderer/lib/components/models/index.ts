export { default as AddModel } from "./AddModel.svelte";
export { default as EngineStatusLine } from "./EngineStatusLine.svelte";
export { default as ModelListItem } from "./ModelListItem.svelte";
export { default as ModelPanel } from "./ModelPanel.svelte";
