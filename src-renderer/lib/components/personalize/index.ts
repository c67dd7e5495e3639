export { default as AdapterItem } from "./AdapterItem.svelte";
export { default as AdapterList } from "./AdapterList.svelte";
export { default as LossChart } from "./LossChart.svelte";
export { default as PersonalizeView } from "./PersonalizeView.svelte";
export { default as TrainingForm } from "./TrainingForm.svelte";
export { default as TrainingRunPanel } from "./TrainingRunPanel.svelte";
export { default as TrainingSummary } from "./TrainingSummary.svelte";
