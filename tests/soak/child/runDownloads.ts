import type { DownloadJob } from "../../../src-main/common/contract/setupTypes.js";
import type { ChildApp } from "./ChildApp.js";

const unfinished = ["queued", "downloading", "verifying", "paused"];

/**
 * Reports downloads; when none is under way (an interrupted one resumes by itself at start), starts the
 * next model of the fake hub's catalog that has no job yet.
 */
export async function runDownloads(app: ChildApp): Promise<void> {
    app.on<DownloadJob>("downloads.changed", (job) =>
        app.emit({ t: "download", jobId: job.id, catalogId: job.catalogId, state: job.state, bytesDone: job.bytesDone }));
    const jobs = await app.call<DownloadJob[]>("downloads.list");
    if (jobs.some((job) => unfinished.includes(job.state))) return;
    const next = app.config.downloads.find((catalogId) => !jobs.some((job) => job.catalogId === catalogId));
    if (next === undefined) return;
    const job = await app.call<DownloadJob>("downloads.start", { catalogId: next, quant: "Q8_0" });
    app.emit({ t: "download", jobId: job.id, catalogId: job.catalogId, state: job.state, bytesDone: job.bytesDone });
}
