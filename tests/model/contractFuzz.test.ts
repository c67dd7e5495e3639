import { describe, expect, it } from "vitest";
import { fuzzContract } from "../fuzz/fuzzContract.js";

// A short run of `npm run fuzz` (which runs 500 calls per transport by default, or --calls N).
describe("the contract fuzzer", () => {
    it("answers every generated call over the WebSocket and the IPC handler with a result or a typed error, and leaves the library consistent", async () => {
        const seed = Number(process.env.LOCUS_FUZZ_SEED ?? 20261202);
        const summary = await fuzzContract({ calls: 150, seed, withModels: true });
        expect(summary.examples, `seed ${seed}`).toEqual([]);
        expect(summary.invariantViolations).toEqual([]);
        expect(summary.crashes).toEqual([]);
        expect(summary.failures).toBe(0);
        expect(summary.calls).toBeGreaterThanOrEqual(300);
        // The run reached real work, not only refusals.
        expect(summary.websocket.answers.ok).toBeGreaterThan(20);
        expect(summary.ipc.answers.ok).toBeGreaterThan(20);
    }, 600_000);
});
