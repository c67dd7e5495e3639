import { parseArgs } from "node:util";
import { simulatedMachines } from "../../hardware/simulatedMachines.js";
import { findStarterModels } from "../../models/starter/findStarterModels.js";
import { createServices, type Services, type ServicesOptions } from "../../services/createServices.js";
import { DatabaseDamagedError } from "../../store/backup/DatabaseDamagedError.js";
import { defaultDataDir } from "../../services/defaultDataDir.js";
import { BrowserHost } from "./BrowserHost.js";
import { findRendererDir } from "./findRendererDir.js";

const USAGE = `Usage: npm run serve -- [--model PATH] [--port N] [--data DIR] [--threads N] [--context N]

Starts Locus in plain Node and serves the app to your browser on 127.0.0.1 only.
  --model PATH   a local GGUF model to add and load at start (or set LOCUS_MODEL)
  --port N       port to listen on (default: a free port)
  --data DIR     where Locus keeps its database (or set LOCUS_DATA_DIR)
  --threads N    llama.cpp threads (default: all CPU math cores; never more)
  --context N    chat context size in tokens (default 4096)
  --simulate-hardware NAME  show the setup wizard a made-up machine (${Object.keys(simulatedMachines).join(", ")})
  --restore-backup ID  start from a backup of the library ("latest": the newest good one); the current file is kept
  --hub URL      the model hub downloads and exact fits ask (default https://huggingface.co/; tests use a local one)`;

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            model: { type: "string" }, port: { type: "string" }, data: { type: "string" },
            threads: { type: "string" }, context: { type: "string" }, token: { type: "string" },
            cpu: { type: "boolean" }, help: { type: "boolean", short: "h" }, "simulate-hardware": { type: "string" },
            "restore-backup": { type: "string" }, hub: { type: "string" }
        }
    });
    if (values.help) {
        console.log(USAGE);
        return;
    }
    const simulated = values["simulate-hardware"];
    if (simulated != null && !Object.hasOwn(simulatedMachines, simulated))
        throw new Error(`--simulate-hardware must be one of: ${Object.keys(simulatedMachines).join(", ")}.`);
    const hub = values.hub == null ? undefined : hubEndpoint(values.hub);
    const dataDir = values.data ?? defaultDataDir();
    let host: BrowserHost | null = null;
    // A restore chosen in Settings happens as the services start: they are rebuilt here, behind the same address.
    const restart = (): void => {
        const current = services;
        host?.replaceServices(null);
        void current.dispose()
            .then(() => createServices(options))
            .then((next) => {
                services = next;
                host?.replaceServices(next);
                console.log("Locus restarted with the restored library.");
            })
            .catch((error: unknown) => {
                console.error(`Locus could not restart: ${describe(error)}`);
                process.exit(1);
            });
    };
    const options: ServicesOptions = {
        dataDir, restart,
        host: "browser",
        starterModels: findStarterModels(),
        ...(simulated != null ? { simulatedHardware: simulatedMachines[simulated as keyof typeof simulatedMachines] } : {}),
        ...(hub !== undefined ? { hubEndpoint: hub } : {}),
        engine: {
            ...(values.threads ? { threads: positive(values.threads, "--threads") } : {}),
            ...(values.context ? { contextSize: positive(values.context, "--context") } : {}),
            ...(values.cpu || process.env.LOCUS_GPU === "false" ? { gpu: false as const } : {})
        }
    };
    let services: Services = await createServices({ ...options, ...(values["restore-backup"] ? { restoreBackup: values["restore-backup"] } : {}) });
    host = new BrowserHost({
        services, rendererDir: findRendererDir(import.meta.url),
        port: values.port ? Number(values.port) : 0, ...(values.token ? { token: values.token } : {})
    });
    const url = await host.listen();
    console.log(`Locus is running. Open this address in your browser:\n\n  ${url}\n`);

    const shutdown = async () => {
        await host?.close();
        await services.dispose();
        process.exit(0);
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);

    const modelPath = values.model ?? process.env.LOCUS_MODEL;
    if (modelPath) {
        console.log(`Loading ${modelPath}…`);
        const added = await services.dispatcher.dispatch("models.addFromPath", { path: modelPath });
        const loaded = added.ok
            ? await services.dispatcher.dispatch("models.load", { modelId: (added.value as { id: string }).id })
            : added;
        console.log(loaded.ok ? "Model ready." : `Could not load the model: ${loaded.error.message}`);
    }
}

function positive(value: string, flag: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number, got "${value}".`);
    return n;
}

/** An http(s) address, with the trailing slash the hub's URLs are built on. */
function hubEndpoint(value: string): string {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        throw new Error(`--hub must be an http or https address such as https://huggingface.co/, got "${value}".`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new Error(`--hub must be an http or https address such as https://huggingface.co/, got "${value}".`);
    return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
    console.error(`Locus could not start: ${describe(error)}`);
    if (error instanceof DatabaseDamagedError && error.latestGood !== null)
        console.error(`\nTo start from that backup, run:\n\n  npm run serve -- ${[...process.argv.slice(2), "--restore-backup", error.latestGood.id].join(" ")}\n`);
    process.exit(1);
});
