import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckGroup, CheckResult } from "../../src-main/packaging/packCheck/CheckResult.js";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
type Summary = { ok: boolean; checks: CheckResult[]; timings: Record<string, number> };
let summary: Summary;

/** The checks of one group; each must hold, and the failures are shown with their evidence. */
function expectGroup(group: CheckGroup): void {
    const checks = summary.checks.filter((result) => result.group === group || result.group === "pack-check");
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.filter((result) => !result.ok).map((result) => `${result.name}: ${result.detail}`)).toEqual([]);
}

// npm run pack:check, as CI runs it: electron-builder lays the app out, then the layout is checked and run.
describe.runIf(process.platform === "linux")("the packaged app (npm run pack:check)", () => {
    beforeAll(() => {
        const run = spawnSync(process.execPath, [path.join(projectDir, "node_modules", "tsx", "dist", "cli.mjs"), "src-main/packaging/packCheck/packCheck.ts"], {
            cwd: projectDir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024
        });
        const line = run.stdout.trim().split("\n").at(-1) ?? "";
        try {
            summary = JSON.parse(line) as Summary;
        } catch {
            throw new Error(`pack:check printed no summary (exit ${String(run.status)}):\n${run.stderr.slice(-4000)}`);
        }
        // The time it took, for the log (CI keeps it under three minutes on two cores).
        console.log(`pack:check timings: ${JSON.stringify(summary.timings)}`);
    }, 600_000);

    it("keeps native code out of the archive, ships every runtime file and only this platform's packages", () => expectGroup("archive"));

    it("ships a relocatable trainer ($ORIGIN run paths, relative stamp) whose libraries, like every native part, resolve from the layout", () =>
        expectGroup("native-links"));

    it("puts the starter models (build flags) and the licence in the app's resources", () => expectGroup("resources"));

    it("runs from the layout under plain Node: services, database with sqlite-vec, parser worker, starter embedding, a trainer step", () =>
        expectGroup("run"));

    it("starts with its trainer and vector extension deleted, names both and what they disable, and keeps the rest working", () =>
        expectGroup("damaged"));
});
