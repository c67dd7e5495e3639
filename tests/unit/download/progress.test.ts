import { afterEach, describe, expect, it, vi } from "vitest";
import type { DownloadProgress } from "../../../src-main/models/download/downloadTypes.js";
import { ProgressTracker } from "../../../src-main/models/download/ProgressTracker.js";
import { SpeedMeter } from "../../../src-main/models/download/SpeedMeter.js";

afterEach(() => {
    vi.useRealTimers();
});

describe("SpeedMeter", () => {
    it("measures the rate over its window and the time left at that rate", () => {
        let now = 0;
        const meter = new SpeedMeter(5_000, () => now);
        expect(meter.bytesPerSecond()).toBe(0);
        expect(meter.secondsLeft(1_000)).toBeNull();
        for (let second = 0; second <= 10; second++) {
            now = second * 1_000;
            meter.add(second * (second < 6 ? 100 : 200));
        }
        // The window holds the last 5 seconds, all at 200-ish bytes/s after the speed-up.
        expect(meter.bytesPerSecond()).toBeGreaterThan(190);
        expect(meter.secondsLeft(2_000 + 10 * 200)).toBeCloseTo(2_000 / meter.bytesPerSecond(), 5);
    });
});

describe("ProgressTracker", () => {
    it("never reports fewer bytes than before, even when the downloader's count drops", () => {
        const seen: DownloadProgress[] = [];
        const saved: number[] = [];
        const tracker = new ProgressTracker(0, { emit: (p) => seen.push(p), save: (_, bytes) => saved.push(bytes) });
        tracker.begin("job", 100);
        for (const bytes of [50, 300, 200, 600, 1000]) tracker.report("job", "downloading", bytes, 1000);
        expect(seen.map((p) => p.doneBytes)).toEqual([100, 300, 300, 600, 1000]);
        expect(seen.at(-1)).toMatchObject({ secondsLeft: 0, totalBytes: 1000 });
        expect(tracker.downloaded("job")).toBe(1000);
    });

    it("throttles events but still shows the last count when the data stops coming", () => {
        vi.useFakeTimers();
        const seen: number[] = [];
        const tracker = new ProgressTracker(250, { emit: (p) => seen.push(p.doneBytes), save: () => undefined });
        tracker.begin("job", 0);
        for (const bytes of [10, 20, 30, 40]) tracker.report("job", "downloading", bytes, 1000);
        expect(seen).toEqual([10]);
        vi.advanceTimersByTime(300);
        expect(seen).toEqual([10, 40]);
        tracker.end("job");
    });

    it("starts the verifying phase from zero", () => {
        const seen: DownloadProgress[] = [];
        const tracker = new ProgressTracker(0, { emit: (p) => seen.push(p), save: () => undefined });
        tracker.begin("job", 0);
        tracker.report("job", "downloading", 1000, 1000);
        tracker.report("job", "verifying", 400, 1000);
        expect(seen.map((p) => [p.phase, p.doneBytes])).toEqual([["downloading", 1000], ["verifying", 400]]);
    });
});
