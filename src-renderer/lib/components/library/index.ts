export { default as IngestProgressBar } from "./IngestProgressBar.svelte";
export { default as LibraryAdd } from "./LibraryAdd.svelte";
export { default as LibraryDocumentItem } from "./LibraryDocumentItem.svelte";
export { default as LibraryView } from "./LibraryView.svelte";
export { default as SourceView } from "./SourceView.svelte";
