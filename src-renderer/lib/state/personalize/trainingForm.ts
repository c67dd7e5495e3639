import type { LibraryDocumentInfo, Settings, TrainingRunInfo } from "@common/contract";

/** Budgets offered as one-click choices, in minutes. */
export const budgetPresets: readonly number[] = [1, 5, 10, 30, 60];

/** The contract's limits for a budget, in whole minutes. */
export const minBudgetMinutes = 1;
export const maxBudgetMinutes = 24 * 60;

const fallbackBudgetMinutes = 10;

/** The budget the form starts with: the one chosen in Settings when there is one, else ten minutes. */
export function defaultBudgetMinutes(settings: Pick<Settings, "learningBudgetMinutes"> | null): number {
    const chosen = settings?.learningBudgetMinutes ?? 0;
    return Number.isInteger(chosen) && chosen >= minBudgetMinutes && chosen <= maxBudgetMinutes ? chosen : fallbackBudgetMinutes;
}

/** The minutes typed, or null when they are not a whole number within the limits. */
export function parseBudget(text: string): number | null {
    const trimmed = text.trim();
    if (!/^\d+$/.test(trimmed)) return null;
    const minutes = Number(trimmed);
    return minutes >= minBudgetMinutes && minutes <= maxBudgetMinutes ? minutes : null;
}

/** A library document as the picker lists it: whether it can be chosen, and why not. */
export type TrainingCandidate = { document: LibraryDocumentInfo; selectable: boolean; reason: string | null };

/** Why a document cannot be trained on, or null when it can (it is indexed). */
export function unavailableReason(document: LibraryDocumentInfo): string | null {
    switch (document.status) {
        case "indexed":
            return null;
        case "failed":
            return document.statusReason ? `Could not be read: ${document.statusReason}` : "Could not be read";
        case "queued":
            return "Not indexed yet: waiting in the queue";
        case "parsing":
        case "embedding":
            return "Not indexed yet: being indexed now";
    }
}

/** Every library document, indexed ones first (by name), each with whether it can be chosen. */
export function trainingCandidates(documents: readonly LibraryDocumentInfo[]): TrainingCandidate[] {
    // A mailbox is one choice: its messages are learned with it.
    return documents
        .filter((document) => document.parentId == null)
        .map((document) => ({ document, reason: unavailableReason(document) }))
        .map(({ document, reason }) => ({ document, selectable: reason === null, reason }))
        .sort((a, b) =>
            Number(b.selectable) - Number(a.selectable)
            || a.document.displayName.localeCompare(b.document.displayName, undefined, { sensitivity: "base", numeric: true })
            || a.document.id.localeCompare(b.document.id));
}

/**
 * The ids to train on. `chosen` null means the person has not picked yet: every indexed document,
 * including those that finish indexing later. Ids of documents not (or no longer) indexed drop out.
 */
export function selectedDocumentIds(chosen: readonly string[] | null, documents: readonly LibraryDocumentInfo[]): string[] {
    const indexed = documents.filter((document) => document.status === "indexed" && document.parentId == null).map((document) => document.id);
    if (chosen === null) return indexed;
    const picked = new Set(chosen);
    return indexed.filter((id) => picked.has(id));
}

/** The choice with one document added or taken out. */
export function toggleChoice(chosen: readonly string[] | null, documents: readonly LibraryDocumentInfo[], documentId: string): string[] {
    const current = selectedDocumentIds(chosen, documents);
    return current.includes(documentId) ? current.filter((id) => id !== documentId) : [...current, documentId];
}

export type StartConditions = {
    connected: boolean;
    running: boolean;
    chatModelId: string | null;
    indexedCount: number;
    selectedCount: number;
    budgetMinutes: number | null;
};

/** Why Start cannot be pressed now, in words that say what to do; null when it can. */
export function startBlocker(conditions: StartConditions): string | null {
    if (!conditions.connected) return "Not connected to Locus.";
    if (conditions.running) return "A training run is already going on.";
    if (conditions.chatModelId === null) return "Choose a chat model first: add one and load it in the Model panel.";
    if (conditions.indexedCount === 0) return "No document is indexed yet: add documents in the Library and wait until they are indexed.";
    if (conditions.selectedCount === 0) return "Select at least one document to learn from.";
    if (conditions.budgetMinutes === null) return `Enter a budget in whole minutes, from ${minBudgetMinutes} to ${maxBudgetMinutes.toLocaleString("en-US")}.`;
    return null;
}

const ended = (run: TrainingRunInfo) => run.state === "done" || run.state === "cancelled" || run.state === "failed";

/**
 * Which of two reports of the training run to show. A status read may answer after a progress
 * event that is newer: a report never replaces a later one of the same run, nor an ended run's last word.
 */
export function newerRun(current: TrainingRunInfo | null, next: TrainingRunInfo | null): TrainingRunInfo | null {
    if (next === null) return current;
    if (current === null || current.id !== next.id) return current !== null && current.startedAt > next.startedAt ? current : next;
    if (ended(current) && !ended(next)) return current;
    if (!ended(next) && next.step < current.step) return current;
    return next;
}
