import { libraryInvariantViolations } from "../../support/invariants/libraryInvariants.js";
import type { DatabaseSnapshot } from "./readSnapshot.js";

/**
 * What must hold the moment the app dies, before anything repairs it: the library's invariants (integrity,
 * one keyword row and one vector per chunk, no orphans) and a reason on every failed document.
 */
export function checkAfterKill(databaseFile: string, snapshot: DatabaseSnapshot | null): string[] {
    if (snapshot === null) return [];
    const violations = libraryInvariantViolations(databaseFile);
    for (const document of snapshot.documents)
        if (document.status === "failed" && (document.reason ?? "").trim() === "") violations.push(`document ${document.name} failed without a reason`);
    return violations;
}

/** Answers that were streaming when the app died: each must come back marked interrupted, its text kept. */
export function streamingAnswers(snapshot: DatabaseSnapshot | null): Map<string, number> {
    const streaming = new Map<string, number>();
    for (const [id, answer] of snapshot?.answers ?? []) if (answer.status === "streaming") streaming.set(id, answer.chars);
    return streaming;
}

/** Advisor runs that were measuring when the app died. */
export function measuringAdvisorRuns(snapshot: DatabaseSnapshot | null): Set<string> {
    return new Set([...(snapshot?.advisorRuns ?? [])].filter(([, state]) => state === "running").map(([id]) => id));
}

/** Each Advisor run the kill interrupted must be kept (its figures so far) and marked cancelled once Locus is up again. */
export function checkInterruptedAdvisorRuns(measuring: ReadonlySet<string>, snapshot: DatabaseSnapshot | null): string[] {
    const violations: string[] = [];
    for (const id of measuring) {
        const state = snapshot?.advisorRuns.get(id);
        if (state === undefined) violations.push(`Advisor run ${id} interrupted by the kill is gone after the restart`);
        else if (state !== "cancelled") violations.push(`Advisor run ${id} interrupted by the kill is "${state}" after the restart, not "cancelled"`);
    }
    return violations;
}

export function checkInterruptedAnswers(cut: ReadonlyMap<string, number>, snapshot: DatabaseSnapshot | null): string[] {
    const violations: string[] = [];
    for (const [id, chars] of cut) {
        const answer = snapshot?.answers.get(id);
        if (answer === undefined) violations.push(`answer ${id} cut by the kill is gone after the restart`);
        else if (answer.status !== "interrupted") violations.push(`answer ${id} cut by the kill is "${answer.status}" after the restart, not "interrupted"`);
        else if (answer.chars < chars) violations.push(`answer ${id} cut by the kill lost text: ${String(chars)} characters before, ${String(answer.chars)} after`);
    }
    return violations;
}
