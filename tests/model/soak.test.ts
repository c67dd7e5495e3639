import { describe, expect, it } from "vitest";
import { runSoak } from "../soak/runSoak.js";

// The crash loop, short: Locus in its own process is killed with SIGKILL ten times while it ingests a mixed
// corpus, streams answers, trains and downloads from the fake hub, then a last run finishes the work.
describe("the soak (crash loop)", () => {
    it("keeps every invariant over ten kills at random moments, each run doing real work before it dies, and a last run finishes everything", async () => {
        const summary = await runSoak({ kills: 10, seed: 16, files: 20, downloads: 3, workMs: [4000, 10000], training: true, advisor: true });
        expect(summary.violationList).toEqual([]);
        expect(summary.kills).toBe(10);
        // Work happened between kills, not only setup: most runs were busy when killed, and every workload ran. A run
        // needs a few seconds to load its models first, more on a loaded machine: runs live 6-12 s (loading the models alone takes about 5 s here).
        expect(summary.work.runsWithWork).toBeGreaterThanOrEqual(5);
        expect(summary.work.answersStarted).toBeGreaterThan(0);
        expect(summary.work.chunksEmbedded).toBeGreaterThan(0);
        expect(summary.work.downloadsCompleted).toBeGreaterThan(0);
        expect(summary.work.documentsIndexed).toBeGreaterThan(20);
        expect(summary.work.documentsFailed).toBeGreaterThan(0); // the damaged PDF and the empty file, each with its reason
        expect(summary.recoveryMs.max).toBeLessThan(30_000);
        // Worker processes end with the app: a fraction of a second once they run, or as soon as one still loading its
        // code starts watching (here tsx compiles it first: the 200-kill run saw p50 1.7 s, max 4.2 s; over 10 s is a violation).
        expect(summary.workersGoneMs.max).toBeLessThan(10_000);
    }, 480_000);
});
