import type { RunWork } from "./accountRun.js";
import type { DatabaseSnapshot } from "./checks/readSnapshot.js";

export type Violation = { kill: number; problem: string };

export type SoakSummary = {
    seed: number;
    kills: number;
    violations: number;
    violationList: Violation[];
    work: {
        runsWithWork: number; answersStarted: number; answersInterrupted: number; chunksEmbedded: number; trainingSteps: number;
        adaptersSaved: number; advisorRuns: number; advisorRunsInterrupted: number; advisorRunsDone: number; downloadsCompleted: number; documentsIndexed: number; documentsFailed: number; chunksIndexed: number
    };
    redone: { chunksReembedded: number; downloadBytesServed: number; downloadBytesRefetched: number };
    recoveryMs: { p50: number; max: number; servicesP50: number; servicesMax: number };
    /** How long the app's worker processes (parser, trainer) took to end after a kill. */
    workersGoneMs: { p50: number; p95: number; max: number };
    settleSeconds: number | null;
    /** Workload calls that failed (not invariant violations: e.g. a training refused before anything was indexed). */
    workloadProblems: { count: number; examples: string[] };
    seconds: number;
};

export type SoakFacts = {
    seed: number; kills: number; violations: Violation[]; runs: RunWork[]; recoveryMs: number[]; servicesMs: number[]; workersGoneMs: number[]; answersCut: number; advisorRunsCut: number;
    settleSeconds: number | null; problems: string[]; final: DatabaseSnapshot | null; hubBytes: number; fileBytes: number; seconds: number
};

export function summarizeSoak(facts: SoakFacts): SoakSummary {
    const sum = (pick: (run: RunWork) => number) => facts.runs.reduce((total, run) => total + pick(run), 0);
    const documents = facts.final?.documents ?? [];
    const completed = facts.final?.downloads.filter((job) => job.state === "completed").length ?? 0;
    const installedBytes = completed * facts.fileBytes;
    return {
        seed: facts.seed,
        kills: facts.kills,
        violations: facts.violations.length,
        violationList: facts.violations,
        work: {
            runsWithWork: facts.runs.filter((run) => run.worked).length,
            answersStarted: sum((run) => run.answersStarted),
            answersInterrupted: facts.answersCut,
            chunksEmbedded: sum((run) => run.chunksEmbedded),
            trainingSteps: sum((run) => run.trainingSteps),
            adaptersSaved: facts.final?.adapterPaths.size ?? 0,
            advisorRuns: facts.final?.advisorRuns.size ?? 0,
            advisorRunsInterrupted: facts.advisorRunsCut,
            advisorRunsDone: [...(facts.final?.advisorRuns.values() ?? [])].filter((state) => state === "done").length,
            downloadsCompleted: completed,
            documentsIndexed: documents.filter((document) => document.status === "indexed").length,
            documentsFailed: documents.filter((document) => document.status === "failed").length,
            chunksIndexed: documents.reduce((total, document) => total + (document.status === "indexed" ? document.chunks : 0), 0)
        },
        redone: {
            chunksReembedded: sum((run) => run.chunksLost),
            downloadBytesServed: facts.hubBytes,
            downloadBytesRefetched: Math.max(0, facts.hubBytes - installedBytes)
        },
        recoveryMs: {
            p50: Math.round(percentile(facts.recoveryMs, 0.5)), max: Math.round(Math.max(0, ...facts.recoveryMs)),
            servicesP50: Math.round(percentile(facts.servicesMs, 0.5)), servicesMax: Math.round(Math.max(0, ...facts.servicesMs))
        },
        workersGoneMs: {
            p50: Math.round(percentile(facts.workersGoneMs, 0.5)), p95: Math.round(percentile(facts.workersGoneMs, 0.95)),
            max: Math.round(Math.max(0, ...facts.workersGoneMs))
        },
        settleSeconds: facts.settleSeconds,
        workloadProblems: { count: facts.problems.length, examples: [...new Set(facts.problems)].slice(0, 10) },
        seconds: Math.round(facts.seconds * 10) / 10
    };
}

function percentile(values: readonly number[], fraction: number): number {
    if (values.length === 0) return 0;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}
