import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Random } from "../fuzz/Random.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { accountRun, type RunWork } from "./accountRun.js";
import { checkAfterKill, checkInterruptedAdvisorRuns, checkInterruptedAnswers, measuringAdvisorRuns, streamingAnswers } from "./checks/checkAfterKill.js";
import { checkFinal } from "./checks/checkFinal.js";
import { LeftoverTracker } from "./checks/LeftoverTracker.js";
import { listLeftovers } from "./checks/listLeftovers.js";
import { readSnapshot } from "./checks/readSnapshot.js";
import type { SharedLock } from "./SharedLock.js";
import { SoakChild } from "./SoakChild.js";
import { startSoakHub } from "./startSoakHub.js";
import { summarizeSoak, type SoakSummary, type Violation } from "./summarizeSoak.js";
import type { SoakChildConfig, SoakChildLine } from "./soakTypes.js";
import { writeSoakCorpus } from "./writeSoakCorpus.js";

export type SoakOptions = {
    kills: number;
    seed: number;
    /** Small documents in the corpus (two large ones come on top). */
    files: number;
    /**
     * How long a run works before it is killed, drawn between these: milliseconds after its first answer, embedding,
     * training step or Advisor progress (its models loaded, its workers running). A quarter of the kills land instead
     * at any moment up to the maximum after its services are ready, while the run is still starting.
     */
    workMs: [number, number];
    /** Models the fake hub serves, downloaded one after another across runs. */
    downloads: number;
    training: boolean;
    /** Some runs ask the Advisor to measure the library. */
    advisor: boolean;
    /** Holds this lock while Locus runs, released and taken again every `kills` kills (a shared machine's llama.cpp lock). */
    lock?: { lock: SharedLock; kills: number };
    log?: (line: string) => void;
};

const readyTimeoutMs = 120_000;
/** A run that lived this long after its start has had time to clean up what the previous kill left. */
const cleanupMs = 1_000;
const isReady = (line: SoakChildLine): line is Extract<SoakChildLine, { t: "ready" }> => line.t === "ready";
const isWorking = (line: SoakChildLine): line is Extract<SoakChildLine, { t: "working" }> => line.t === "working";
const isSettled = (line: SoakChildLine): line is Extract<SoakChildLine, { t: "settled" }> => line.t === "settled";
/** The run is doing its work: models loaded, workers running (downloads start before, so they do not count). */
const isBusy = (line: SoakChildLine): line is Extract<SoakChildLine, { t: "answer" | "embedding" | "training" | "advisor" }> => line.t === "answer" || line.t === "embedding" || line.t === "training" || line.t === "advisor";
/** The share of kills that land while a run is still starting (models and workers loading) rather than while it works. */
const startupKillShare = 0.25;

/**
 * The crash loop: runs Locus (soakChildEntry.ts) on one data folder, kills it with SIGKILL at a seeded random
 * moment `kills` times, checks the invariants after every kill and every restart, then lets a last run
 * finish the interrupted work and checks that nothing was lost, stuck or left behind.
 */
export async function runSoak(options: SoakOptions): Promise<SoakSummary> {
    const started = performance.now();
    const log = options.log ?? (() => undefined);
    const random = new Random(options.seed);
    const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "locus-soak-"));
    const dataDir = path.join(sandbox, "data");
    const databaseFile = path.join(dataDir, "locus.sqlite");
    const hubModel = await ensureSyntheticModel("tiny-rerank");
    const soakHub = await startSoakHub(hubModel, options.downloads, 3_000_000);
    const violations: Violation[] = [];
    const runs: RunWork[] = [];
    const recoveryMs: number[] = [];
    const servicesMs: number[] = [];
    const workersGoneMs: number[] = [];
    const problems: string[] = [];
    const leftovers = new LeftoverTracker();
    let answersCut = 0;
    let advisorRunsCut = 0;
    let settleSeconds: number | null = null;
    try {
        const corpus = await writeSoakCorpus(path.join(sandbox, "corpus"), options.files, options.seed);
        const base = {
            dataDir, chatModel: await ensureSyntheticModel("tiny-q8_0"), embedModel: await ensureSyntheticModel("tiny-embed"),
            hubEndpoint: soakHub.hub.endpoint, catalog: soakHub.catalog, downloads: soakHub.catalogIds, batches: corpus.batches,
            editable: corpus.editable, seed: options.seed, training: options.training, advisor: options.advisor, threads: 1
        };
        const start = (life: number, mode: SoakChildConfig["mode"]): SoakChild => {
            const file = path.join(sandbox, `run-${String(life)}.json`);
            fs.writeFileSync(file, JSON.stringify({ ...base, life, mode } satisfies SoakChildConfig));
            return new SoakChild(file);
        };
        let cut = new Map<string, number>();
        let measuring = new Set<string>();
        for (let kill = 1; kill <= options.kills + 1; kill++) {
            const last = kill > options.kills;
            if (options.lock !== undefined && kill > 1 && (kill - 1) % options.lock.kills === 0) {
                await options.lock.lock.release();
                log(`released ${options.lock.lock.file} after kill ${String(kill - 1)}; waiting for it again`);
            }
            if (options.lock !== undefined) await options.lock.lock.acquire();
            const child = start(kill - 1, last ? "settle" : "work");
            const violate = (problem: string) => {
                violations.push({ kill, problem });
                log(`violation at kill ${String(kill)}: ${problem.slice(0, 1000)}`);
            };
            const ready = await child.waitFor(isReady, readyTimeoutMs);
            if (ready === null) {
                violate(`Locus did not start (${describeExit(await Promise.race([child.exited, Promise.resolve(null)]))}): ${child.stderrTail.slice(-600)}`);
                child.kill();
                await child.reapGroup(3_000);
                break;
            }
            const readyAt = performance.now();
            recoveryMs.push(readyAt - child.startedAt);
            servicesMs.push(ready.servicesMs);
            const restarted = readSnapshot(databaseFile);
            for (const problem of checkInterruptedAnswers(cut, restarted)) violate(problem);
            for (const problem of checkInterruptedAdvisorRuns(measuring, restarted)) violate(problem);
            answersCut += cut.size;
            advisorRunsCut += measuring.size;

            if (last) {
                const settled = await child.waitFor(isSettled, 300_000);
                const exit = await Promise.race([child.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 60_000))]);
                settleSeconds = settled?.seconds ?? null;
                if (settled === null || exit?.code !== 0) violate(`the last run did not finish the interrupted work and quit (${describeExit(exit)}): ${child.stderrTail.slice(-600)}`);
                if ((await child.reapGroup(5_000)) === null) violate("a worker process outlived the app after it quit");
                for (const problem of checkFinal(dataDir, databaseFile, readSnapshot(databaseFile))) violate(problem);
                problems.push(...problemsOf(child.lines));
                break;
            }

            // The first run sets the models up before any kill: a kill before that would only repeat the setup.
            if (kill === 1 && (await child.waitFor(isWorking, readyTimeoutMs)) === null) violate(`the models could not be set up: ${problemsOf(child.lines).join("; ")}`);
            // Most kills land while the run works, counted from its first sign of work so that a slower machine, whose
            // models take longer to load, still cuts work; the rest land while it starts.
            if (random.next() < startupKillShare) await sleep(Math.max(0, readyAt + random.int(0, options.workMs[1]) - performance.now()));
            else {
                await child.waitFor(isBusy, readyTimeoutMs);
                await sleep(random.int(options.workMs[0], options.workMs[1]));
            }
            const early = await Promise.race([child.exited, Promise.resolve(null)]);
            if (early !== null) violate(`Locus exited by itself (${describeExit(early)}): ${child.stderrTail.slice(-600)}`);
            child.kill();
            await child.exited;
            const livedMs = performance.now() - readyAt;
            // A worker ends within a fraction of a second of the kill once it runs; one still loading its code
            // (seconds here, where tsx compiles it on a busy machine) ends as soon as it starts watching.
            const workersGone = await child.reapGroup(10_000);
            if (workersGone === null) violate("a worker process (parser or trainer) outlived the app by more than 10 s after the kill");
            else workersGoneMs.push(workersGone);

            const snapshot = readSnapshot(databaseFile);
            for (const problem of checkAfterKill(databaseFile, snapshot)) violate(problem);
            for (const line of child.lines)
                if (line.t === "advisor" && !(line.progress >= 0 && line.progress <= 1)) violate(`the Advisor reported progress ${String(line.progress)} ("${line.phase}")`);
            if (snapshot !== null) for (const problem of leftovers.observe(kill, listLeftovers(dataDir, snapshot), livedMs, cleanupMs)) violate(problem);
            cut = streamingAnswers(snapshot);
            measuring = measuringAdvisorRuns(snapshot);
            const work = accountRun(child.lines, snapshot);
            runs.push(work);
            problems.push(...problemsOf(child.lines));
            log(`kill ${String(kill)}/${String(options.kills)}: lived ${String(Math.round(livedMs))} ms, recovered in ${String(Math.round(recoveryMs.at(-1)!))} ms; ` +
                `${String(work.answersStarted)} answers, ${String(work.chunksEmbedded)} chunks, ${String(work.trainingSteps)} steps, Advisor +${String(work.advisorProgress)}, ${String(work.downloadBytes)} bytes; ` +
                `${problemsOf(child.lines).join("; ").slice(0, 300)} [${[...new Set(child.lines.map((line) => line.t))].join(",")}] ` +
                `${String(violations.length)} violations so far`);
        }
        const final = readSnapshot(databaseFile);
        return summarizeSoak({
            seed: options.seed, kills: runs.length, violations, runs, recoveryMs, servicesMs, workersGoneMs, answersCut, advisorRunsCut, settleSeconds, problems,
            final, hubBytes: soakHub.hub.dataBytes(), fileBytes: soakHub.fileBytes, seconds: (performance.now() - started) / 1000
        });
    } finally {
        await options.lock?.lock.release();
        await soakHub.hub.stop();
        fs.rmSync(sandbox, { recursive: true, force: true });
    }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function describeExit(exit: { code: number | null; signal: NodeJS.Signals | null } | null): string {
    if (exit === null) return "still running";
    return exit.signal !== null ? `signal ${exit.signal}` : `exit code ${String(exit.code)}`;
}

function problemsOf(lines: readonly SoakChildLine[]): string[] {
    return lines.flatMap((line) => (line.t === "problem" ? [`${line.workload}: ${line.message}`] : []));
}
