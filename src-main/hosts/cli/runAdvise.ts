import os from "node:os";
import type { AdvisorConfig, AdvisorRunInfo } from "@common/contract/advisorTypes.js";
import { createAdvisor } from "../../advisor/createAdvisor.js";
import { ModelService } from "../../models/ModelService.js";
import { createPersonalize } from "../../personalize/createPersonalize.js";
import { readCpuFeatures } from "../../hardware/readCpuFeatures.js";
import { SettingsRepository } from "../../settings/SettingsRepository.js";
import { SettingsService } from "../../settings/SettingsService.js";
import { ModelRepository } from "../../store/ModelRepository.js";
import type { CliServices } from "./createCliServices.js";
import type { CliOutput } from "./runIngest.js";
import { formatDuration } from "./TrainingProgressView.js";

export type AdviseCommand = { minutes: number; json: boolean; apply: boolean };

/**
 * `locus advise --minutes N [--json] [--apply]`: measures, within the budget, whether searching the library,
 * learning it, or both answers best with which of the app's chat models, prints a progress line and then the
 * recommendation, its findings and a table (or the run as JSON). Ctrl-C stops and keeps the figures so far.
 * `--apply` puts the recommendation into effect for the app. Exit code 0 with a recommendation, 1 without.
 */
export async function runAdvise(services: CliServices, command: AdviseCommand, output: CliOutput): Promise<number> {
    const models = new ModelRepository(services.db);
    const settings = new SettingsService(new SettingsRepository(services.db), (id) => models.get(id)?.role);
    const modelService = new ModelService(models, services.engine, null);
    // The CLI's own chat model (--model) is measured as the app's would be: it must be in the list for Apply.
    if (services.chatModel != null && models.get(services.chatModel.modelId) == null) {
        const added = await modelService.addFromPath(services.chatModel.path);
        if (settings.get().chatModelId == null) settings.update({ chatModelId: added.id });
    }
    await services.embedders.get().catch((error: unknown) => output.err(`Searching by keywords only: ${error instanceof Error ? error.message : String(error)}`));
    const personalize = createPersonalize({ db: services.db, engine: services.engine, library: services.store, models, chatModelId: () => settings.get().chatModelId, dataDir: services.dataDir });
    const live = process.stdout.isTTY === true && !command.json;
    const advisor = createAdvisor({
        db: services.db, dataDir: services.dataDir, engine: services.engine, models, modelService, settings, personalize,
        library: { store: services.store, retriever: services.retriever, answerer: () => services.answerer() },
        memory: async () => ({ availableBytes: os.freemem(), cpuFeatures: await readCpuFeatures(process.platform, "") }),
        onProgress: (run) => {
            if (run.state !== "running") return;
            const line = `${String(Math.round(run.progress * 100)).padStart(3)}% · ${run.phase}`;
            if (live) output.stream.write(`\r\x1b[2K${line.slice(0, (process.stdout.columns ?? 100) - 1)}`);
            else if (!command.json) output.err(line);
        }
    });
    const stop = () => void advisor.cancel();
    process.once("SIGINT", stop);
    try {
        await advisor.start({ budgetMinutes: command.minutes });
        let run: AdvisorRunInfo | null = advisor.status();
        while (run?.state === "running") {
            await new Promise((resolve) => setTimeout(resolve, 500));
            run = advisor.status();
        }
        if (live) output.stream.write("\r\x1b[2K");
        if (run == null) return 1;
        if (command.apply && run.recommendation != null) run = await advisor.apply(run.id);
        if (command.json) output.out(JSON.stringify(run, null, 2));
        else printRun(run, output);
        return run.recommendation == null ? 1 : 0;
    } finally {
        process.off("SIGINT", stop);
        await advisor.dispose();
        await personalize.dispose();
    }
}

function printRun(run: AdvisorRunInfo, output: CliOutput): void {
    if (run.error) output.err(`The Advisor failed: ${run.error}`);
    if (run.state === "cancelled") output.err("Stopped early: these are the figures measured so far.");
    output.out(`Measured ${String(run.configs.length)} setups on ${String(run.documentCount)} documents in ${formatDuration(run.computeSeconds)} ` +
        `(${String(run.probeCount.easy + run.probeCount.medium + run.probeCount.hard)} questions: ${String(run.probeCount.easy)} worded as in the documents, ` +
        `${String(run.probeCount.medium)} in other words, ${String(run.probeCount.hard)} needing two facts).`);
    if (run.recommendation == null) output.out("No recommendation: nothing was measured in time.");
    else {
        output.out("");
        output.out(run.recommendation.summary);
        for (const finding of run.recommendation.findings) output.out(`  - ${finding}`);
    }
    for (const note of run.notes) output.out(`Note: ${note}`);
    output.out("");
    output.out(["setup", "points (95% interval)", "worded", "other words", "two facts", "recall@5", "answers right"].join(" | "));
    for (const config of [...run.configs].sort((a, b) => b.quality.points - a.quality.points)) output.out(row(config, run.recommendation?.configKey === config.key));
    if (run.applied) output.out("\nApplied: the app now answers this way.");
}

function row(config: AdvisorConfig, chosen: boolean): string {
    const method = { none: "no library", rag: "RAG", lora: "LoRA", "rag+lora": "RAG + LoRA" }[config.method];
    const learning = config.learningSeconds > 0 ? `, ${formatDuration(config.learningSeconds)} on ${String(Math.round((config.dataFraction ?? 1) * 100))}%` : "";
    const name = `${chosen ? "* " : ""}${config.modelName}${config.compression === "original" ? "" : ` ${config.compression}`}, ${method}${learning}${config.forgetting?.flagged ? " (forgets)" : ""}`;
    const q = (value: { points: number; low: number; high: number }) => value.points.toFixed(1);
    return [
        name, `${q(config.quality)} (${config.quality.low.toFixed(1)}-${config.quality.high.toFixed(1)})`, q(config.perLevel.easy), q(config.perLevel.medium),
        q(config.perLevel.hard), config.recallAt5 == null ? "-" : config.recallAt5.toFixed(2),
        config.generation == null ? "-" : `${String(Math.round(config.generation.accuracy * 100))}% of ${String(config.generation.sample)}`
    ].join(" | ");
}
