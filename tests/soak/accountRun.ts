import type { DatabaseSnapshot } from "./checks/readSnapshot.js";
import type { SoakChildLine } from "./soakTypes.js";

/** What one run did before it was killed, from its own lines and the database it left. */
export type RunWork = {
    answersStarted: number;
    /** Chunks embedded in this run (saved or not). */
    chunksEmbedded: number;
    /** Chunks embedded in this run for documents the kill interrupted, whose vectors were not saved: embedded again later. */
    chunksLost: number;
    trainingSteps: number;
    downloadBytes: number;
    /** How far the Advisor's runs got in this run (progress 0..1, summed over runs). */
    advisorProgress: number;
    /** Advisor runs this run started. */
    advisorRuns: number;
    /** Something was under way: an answer streamed, chunks embedded, a training step taken, the Advisor measured or bytes downloaded. */
    worked: boolean;
};

export function accountRun(lines: readonly SoakChildLine[], after: DatabaseSnapshot | null): RunWork {
    const embedding = new Map<string, { first: number; last: number; reused: number }>();
    const downloads = new Map<string, { first: number; last: number }>();
    let answersStarted = 0;
    let trainingSteps = 0;
    const advisor = new Map<string, { first: number; last: number }>();
    for (const line of lines) {
        if (line.t === "answer" && line.state === "started") answersStarted++;
        else if (line.t === "training") trainingSteps = Math.max(trainingSteps, line.step);
        else if (line.t === "embedding") {
            const seen = embedding.get(line.document);
            embedding.set(line.document, { first: seen?.first ?? line.done, last: line.done, reused: line.reused });
        } else if (line.t === "advisor") {
            const seen = advisor.get(line.runId);
            advisor.set(line.runId, { first: seen?.first ?? line.progress, last: Math.max(seen?.last ?? 0, line.progress) });
        } else if (line.t === "download") {
            const seen = downloads.get(line.jobId);
            downloads.set(line.jobId, { first: seen?.first ?? line.bytesDone, last: Math.max(seen?.last ?? 0, line.bytesDone) });
        }
    }
    let chunksEmbedded = 0;
    let chunksLost = 0;
    for (const [name, progress] of embedding) {
        chunksEmbedded += Math.max(0, progress.last - progress.reused);
        const document = after?.documents.find((candidate) => candidate.name === name);
        if (document !== undefined && document.status !== "indexed")
            chunksLost += Math.max(0, progress.last - (after?.pendingVectors.get(name) ?? 0));
    }
    const downloadBytes = [...downloads.values()].reduce((sum, job) => sum + job.last - job.first, 0);
    const answerChars = lines.some((line) => line.t === "answer");
    const advisorProgress = Math.round([...advisor.values()].reduce((sum, run) => sum + run.last - run.first, 0) * 1000) / 1000;
    return {
        answersStarted, chunksEmbedded, chunksLost, trainingSteps, downloadBytes, advisorProgress, advisorRuns: advisor.size,
        worked: answerChars || chunksEmbedded > 0 || trainingSteps > 0 || downloadBytes > 0 || advisorProgress > 0
    };
}
