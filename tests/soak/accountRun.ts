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
    /** Something was under way: an answer streamed, chunks embedded, a training step taken or bytes downloaded. */
    worked: boolean;
};

export function accountRun(lines: readonly SoakChildLine[], after: DatabaseSnapshot | null): RunWork {
    const embedding = new Map<string, { first: number; last: number; reused: number }>();
    const downloads = new Map<string, { first: number; last: number }>();
    let answersStarted = 0;
    let trainingSteps = 0;
    for (const line of lines) {
        if (line.t === "answer" && line.state === "started") answersStarted++;
        else if (line.t === "training") trainingSteps = Math.max(trainingSteps, line.step);
        else if (line.t === "embedding") {
            const seen = embedding.get(line.document);
            embedding.set(line.document, { first: seen?.first ?? line.done, last: line.done, reused: line.reused });
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
    return {
        answersStarted, chunksEmbedded, chunksLost, trainingSteps, downloadBytes,
        worked: answerChars || chunksEmbedded > 0 || trainingSteps > 0 || downloadBytes > 0
    };
}
