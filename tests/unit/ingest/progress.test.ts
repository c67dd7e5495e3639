import { afterEach, describe, expect, it, vi } from "vitest";
import { IngestProgressTracker } from "../../../src-main/ingest/IngestProgressTracker.js";
import { Throttle } from "../../../src-main/ingest/Throttle.js";

describe("ingest progress math", () => {
    it("counts files done, failed and total in the run, and the current file", () => {
        const tracker = new IngestProgressTracker(() => 0);
        tracker.startRun();
        tracker.include("a", 100_000);
        tracker.include("b", 100_000);
        tracker.include("a", 100_000); // counted once
        tracker.begin("a", "a.md");
        expect(tracker.snapshot()).toMatchObject({ running: true, filesDone: 0, filesTotal: 2, filesFailed: 0, current: "a.md" });
        tracker.finish("a", "indexed");
        tracker.begin("b", "b.pdf");
        tracker.finish("b", "failed");
        expect(tracker.snapshot()).toMatchObject({ filesDone: 2, filesTotal: 2, filesFailed: 1, current: null });
        tracker.forget("b");
        expect(tracker.snapshot()).toMatchObject({ filesDone: 1, filesTotal: 1, filesFailed: 0 });
    });

    it("measures chunks per second over the last ten seconds, and the run's average once it ends", () => {
        let now = 0;
        const tracker = new IngestProgressTracker(() => now);
        tracker.startRun();
        expect(tracker.snapshot().chunksPerSecond).toBeNull();
        now = 500;
        tracker.addChunks(5);
        expect(tracker.snapshot().chunksPerSecond).toBeNull(); // under a second: noise
        now = 2_000;
        tracker.addChunks(15);
        expect(tracker.snapshot().chunksPerSecond).toBeCloseTo(10); // 20 chunks in 2 s
        // 20 s in: the first 20 chunks are outside the window; 100 more in the last 10 s.
        for (let t = 11_000; t <= 20_000; t += 1_000) {
            now = t;
            tracker.addChunks(10);
        }
        expect(tracker.snapshot().chunksPerSecond).toBeCloseTo(10);
        now = 30_000;
        expect(tracker.snapshot().chunksPerSecond).toBeCloseTo(0); // nothing embedded for 10 s
        tracker.endRun();
        expect(tracker.snapshot().chunksPerSecond).toBeCloseTo(4); // 120 chunks in 30 s
    });

    it("estimates time left from the bytes still to do at the run's rate so far", () => {
        let now = 0;
        const tracker = new IngestProgressTracker(() => now);
        tracker.startRun();
        ["a", "b", "c", "d"].forEach((id) => tracker.include(id, 1_000_000));
        now = 5_000; // loading the model: not part of the rate
        tracker.begin("a", "a.md");
        tracker.setFraction(0.5);
        expect(tracker.snapshot().secondsLeft).toBeNull(); // no file through yet
        now = 15_000;
        tracker.finish("a", "indexed");
        tracker.begin("b", "b.md");
        tracker.setFraction(0.5);
        // 1.5 MB in 10 s; 2.5 MB to go.
        expect(tracker.snapshot().secondsLeft).toBe(17);
        tracker.finish("b", "failed");
        tracker.finish("c", "indexed");
        tracker.finish("d", "indexed");
        expect(tracker.snapshot().secondsLeft).toBe(0);
        tracker.endRun();
        expect(tracker.snapshot()).toMatchObject({ running: false, secondsLeft: null, filesDone: 4 });
    });

    it("counts tiny files as a minimum weight, so one large file does not make the estimate absurd", () => {
        let now = 0;
        const tracker = new IngestProgressTracker(() => now);
        tracker.startRun();
        tracker.include("tiny", 10);
        tracker.include("other", 10);
        tracker.begin("tiny", "tiny.md");
        now = 2_000;
        tracker.finish("tiny", "indexed");
        expect(tracker.snapshot().secondsLeft).toBe(2);
    });

    it("starts a fresh count when a new run begins, and keeps a blocked reason until cleared", () => {
        const tracker = new IngestProgressTracker(() => 0);
        tracker.startRun();
        tracker.include("a", 1);
        tracker.endRun();
        tracker.block("Choose an embedding model in Settings to index documents.");
        expect(tracker.snapshot()).toMatchObject({ filesTotal: 1, running: false, blockedReason: /embedding model/ });
        tracker.startRun();
        expect(tracker.snapshot().filesTotal).toBe(0);
        tracker.block(null);
        expect(tracker.snapshot().blockedReason).toBeNull();
    });
});

describe("progress notifications", () => {
    afterEach(() => {
        vi.useRealTimers();
    });

    it("fire at most four times a second and always deliver the last state", () => {
        vi.useFakeTimers();
        let fired = 0;
        const throttle = new Throttle(250, () => fired++, () => Date.now());
        for (let i = 0; i < 100; i++) {
            throttle.request();
            vi.advanceTimersByTime(10); // 100 requests over one second
        }
        vi.advanceTimersByTime(250);
        expect(fired).toBeGreaterThanOrEqual(4);
        expect(fired).toBeLessThanOrEqual(5);
        const before = fired;
        throttle.request(); // fires at once: the last call was long ago
        throttle.request(); // pending
        throttle.flush(); // fires now, and replaces the pending call
        expect(fired).toBe(before + 2);
        vi.advanceTimersByTime(1_000);
        expect(fired).toBe(before + 2);
        throttle.dispose();
    });
});
