import type { TrainingRunInfo } from "../../../src-main/common/contract/personalizeTypes.js";
import type { ChildApp } from "./ChildApp.js";

/** Reports training progress; when `start`, starts a Personalize run on the indexed library (a few steps). */
export async function runTraining(app: ChildApp, start: boolean): Promise<void> {
    app.on<TrainingRunInfo>("training.progress", (run) => app.emit({ t: "training", state: run.state, step: run.step }));
    if (!app.config.training || !start) return;
    const status = await app.call<TrainingRunInfo | null>("training.status");
    if (status !== null && ["preparing", "training", "saving"].includes(status.state)) return;
    try {
        await app.call("training.start", { budgetMinutes: 1 });
    } catch (error) {
        // Before the first documents are indexed there is nothing to learn from, and while the Advisor
        // measures Personalize waits for it: those refusals are expected.
        if (!/index|document|text|Advisor is measuring/i.test(String(error))) throw error;
    }
}
