export { default as AdvisorChart } from "./AdvisorChart.svelte";
export { default as AdvisorPanel } from "./AdvisorPanel.svelte";
export { default as AdvisorRunList } from "./AdvisorRunList.svelte";
export { default as AdvisorTable } from "./AdvisorTable.svelte";
