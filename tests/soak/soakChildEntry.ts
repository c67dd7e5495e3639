import fs from "node:fs";
import { catalogSchema } from "../../src-main/models/catalogSchema.js";
import { createServices } from "../../src-main/services/createServices.js";
import { Random } from "../fuzz/Random.js";
import { ChildApp } from "./child/ChildApp.js";
import { loadChatModel, registerModels } from "./child/ensureModels.js";
import { runAdvisor } from "./child/runAdvisor.js";
import { runChat } from "./child/runChat.js";
import { runDownloads } from "./child/runDownloads.js";
import { runIngest } from "./child/runIngest.js";
import { runTraining } from "./child/runTraining.js";
import { settle } from "./child/settle.js";
import { soakChildConfigSchema } from "./soakTypes.js";

/**
 * One run of Locus for the soak harness: the app's services on the soak's data folder, then its workloads
 * (ingestion, streaming answers, Personalize, the Advisor, a download) until the harness kills it with SIGKILL. In
 * "settle" mode it starts nothing new, lets interrupted work finish, and quits cleanly.
 */
const config = soakChildConfigSchema.parse(JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")));
const started = performance.now();
const services = await createServices({
    dataDir: config.dataDir, host: "browser", engine: { gpu: false, contextSize: 512, threads: config.threads }, maxAnswerTokens: 200,
    hubEndpoint: config.hubEndpoint, downloadCatalog: catalogSchema.parse(config.catalog),
    // A few short steps: a run takes about a second on the tiny model, so kills land in every phase of it.
    training: { maxSteps: 4, windowTokens: 64, rank: 4, learningRate: 1e-3 },
    // A small study (few probes, one data share, a lower-bit copy) so a run's phases fit between kills.
    advisor: { dataFractions: [1], compress: true, probesPerLevel: 4, generationSample: 1, learningSeconds: 30 }
});
const app = new ChildApp(services, config);
app.emit({ t: "ready", servicesMs: Math.round(performance.now() - started) });

if (config.mode === "settle") {
    const begun = performance.now();
    await settle(app, 240_000);
    app.emit({ t: "settled", seconds: Math.round((performance.now() - begun) / 100) / 10 });
    await services.dispose();
    process.exit(0);
}

const random = new Random(config.seed * 7919 + config.life);
const guard = (workload: string, work: Promise<unknown>) => void work.catch((error: unknown) => app.problem(workload, error));
guard("download", runDownloads(app));
const chatModel = registerModels(app);
guard("models", chatModel.then(() => app.emit({ t: "working" })));
guard("ingest", chatModel.then(() => runIngest(app, random)));
const loaded = chatModel.then((chatId) => loadChatModel(app, chatId));
guard("chat", loaded.then(() => runChat(app, random, () => true)));
// Some runs start Personalize, others the Advisor (each refuses while the other takes the cores), at a random moment.
const heavy = random.next();
const later = loaded.then(() => new Promise((resolve) => setTimeout(resolve, random.int(0, 300))));
guard("training", later.then(() => runTraining(app, heavy < 0.4)));
guard("advisor", later.then(() => runAdvisor(app, heavy >= 0.4 && heavy < 0.7)));
