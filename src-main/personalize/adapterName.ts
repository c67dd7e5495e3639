import type { AdapterDocument } from "../store/AdapterRepository.js";

/** A name a person recognises: what the adapter learned, and when ("Handbook.pdf and 2 more, 21 Nov 2026 09:12"). */
export function adapterName(documents: readonly AdapterDocument[], when: Date): string {
    const first = documents[0]?.name ?? "Documents";
    const what = documents.length > 1 ? `${first} and ${String(documents.length - 1)} more` : first;
    const date = when.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });
    return `${what.length > 70 ? `${what.slice(0, 69)}…` : what}, ${date.replace(",", "")}`;
}
