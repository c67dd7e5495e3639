import type { TrainingRunInfo } from "../../../src-main/common/contract/personalizeTypes.js";
import type { DownloadJob } from "../../../src-main/common/contract/setupTypes.js";
import type { ChildApp } from "./ChildApp.js";

const busyTraining = ["preparing", "training", "saving"];
const busyDownload = ["queued", "downloading", "verifying"];

/**
 * The last run: starts nothing new and waits until what the kills interrupted has finished by itself
 * (indexing resumed, downloads resumed, a training run ended), or until `timeoutMs`.
 */
export async function settle(app: ChildApp, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    await Promise.race([app.services.library.ingest.idle(), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
    while (Date.now() < until) {
        const training = await app.call<TrainingRunInfo | null>("training.status");
        const downloads = await app.call<DownloadJob[]>("downloads.list");
        if (!busyTraining.includes(training?.state ?? "") && !downloads.some((job) => busyDownload.includes(job.state))) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}
