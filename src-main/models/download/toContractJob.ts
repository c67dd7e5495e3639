import type { DownloadJob as ContractJob } from "@common/contract/setupTypes.js";
import type { DownloadJob, DownloadProgress } from "./downloadTypes.js";

/** A job as the renderer sees it: the service's job merged with its latest progress figures. */
export function toContractJob(job: DownloadJob, progress: DownloadProgress | undefined): ContractJob {
    const live = progress?.jobId === job.id && (job.state === "downloading" || job.state === "verifying") ? progress : undefined;
    return {
        id: job.id,
        catalogId: job.catalogId,
        quant: job.quant,
        fileName: job.fileName,
        state: job.state === "completed" ? "done" : job.state,
        bytesDone: live?.phase === "downloading" ? Math.max(live.doneBytes, job.downloadedBytes) : job.downloadedBytes,
        bytesTotal: job.totalBytes,
        bytesPerSecond: live?.bytesPerSecond ?? null,
        secondsLeft: live?.secondsLeft ?? null,
        error: job.error?.message ?? null,
        modelId: job.modelId
    };
}
