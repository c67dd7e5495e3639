import type { Leftover } from "./listLeftovers.js";

/**
 * Leftovers across kills. A kill may leave a temporary file behind; the next start must clean it up. So a
 * leftover is a violation when it is still there after a run that lived long enough to clean up.
 */
export class LeftoverTracker {
    readonly #seen = new Map<string, number>();
    readonly #reported = new Set<string>();

    /** Leftovers found after kill `kill`, whose run lived `livedMs` after its start; returns the violations. */
    observe(kill: number, leftovers: readonly Leftover[], livedMs: number, cleanupMs: number): string[] {
        const violations: string[] = [];
        const present = new Set<string>();
        for (const leftover of leftovers) {
            present.add(leftover.key);
            const since = this.#seen.get(leftover.key);
            if (since === undefined) this.#seen.set(leftover.key, kill);
            else if (since < kill && livedMs >= cleanupMs && !this.#reported.has(leftover.key)) {
                this.#reported.add(leftover.key);
                violations.push(`${leftover.what}: left by the run killed at kill ${String(since)} and still there after a restart`);
            }
        }
        for (const key of [...this.#seen.keys()]) if (!present.has(key)) this.#seen.delete(key);
        return violations;
    }
}
