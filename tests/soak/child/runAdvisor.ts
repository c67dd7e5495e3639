import type { AdvisorRunInfo } from "../../../src-main/common/contract/advisorTypes.js";
import type { ChildApp } from "./ChildApp.js";

/** Refusals a person would see too, and expected here: too few documents indexed yet, or Personalize training. */
const expectedRefusal = /documents|facts|library|Personalize is training|already measuring/i;

/** Reports the Advisor's progress; when `start`, asks it to measure the library (a one-minute budget). */
export async function runAdvisor(app: ChildApp, start: boolean): Promise<void> {
    app.on<AdvisorRunInfo>("advisor.progress", (run) => app.emit({ t: "advisor", runId: run.id, state: run.state, progress: run.progress, phase: run.phase }));
    if (!app.config.advisor || !start) return;
    if ((await app.call<AdvisorRunInfo | null>("advisor.status"))?.state === "running") return;
    try {
        const run = await app.call<AdvisorRunInfo>("advisor.start", { budgetMinutes: 1 });
        app.emit({ t: "advisor", runId: run.id, state: run.state, progress: run.progress, phase: run.phase });
    } catch (error) {
        if (!expectedRefusal.test(String(error))) throw error;
    }
}
