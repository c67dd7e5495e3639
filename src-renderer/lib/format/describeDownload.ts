import type { DownloadJob } from "@common/contract";
import { formatBytes } from "./formatBytes.js";
import { formatTimeLeft } from "./formatDuration.js";
import { formatSpeed } from "./formatSpeed.js";

function amount(job: DownloadJob): string {
    return job.bytesTotal !== null ? `${formatBytes(job.bytesDone)} of ${formatBytes(job.bytesTotal)}` : formatBytes(job.bytesDone);
}

/** One line under a download's progress bar: how far, how fast, how long, or what went wrong. */
export function describeDownload(job: DownloadJob): string {
    switch (job.state) {
        case "queued":
            return "Waiting to start…";
        case "downloading":
            return [amount(job), formatSpeed(job.bytesPerSecond), formatTimeLeft(job.secondsLeft)].filter(Boolean).join(" · ");
        case "paused":
            return `Paused at ${amount(job)}`;
        case "verifying":
            return "Checking that the file arrived intact…";
        case "done":
            return "Downloaded and checked";
        case "failed":
            return job.error ?? "The download failed. Check the connection and try again.";
        case "cancelled":
            return "Cancelled";
    }
}

/** 0..1 done, or null when the total is not known yet. */
export function downloadFraction(job: DownloadJob): number | null {
    if (job.state === "done") return 1;
    if (job.bytesTotal === null || job.bytesTotal <= 0) return null;
    return Math.min(1, Math.max(0, job.bytesDone / job.bytesTotal));
}

/** Whether the job may still change: it is neither finished, failed nor cancelled. */
export function isDownloadActive(job: DownloadJob): boolean {
    return job.state === "queued" || job.state === "downloading" || job.state === "paused" || job.state === "verifying";
}
