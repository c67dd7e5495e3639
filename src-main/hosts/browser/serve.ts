import { parseArgs } from "node:util";
import { simulatedMachines } from "../../hardware/simulatedMachines.js";
import { findStarterModels } from "../../models/starter/findStarterModels.js";
import { createServices } from "../../services/createServices.js";
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
  --simulate-hardware NAME  show the setup wizard a made-up machine (${Object.keys(simulatedMachines).join(", ")})`;

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            model: { type: "string" }, port: { type: "string" }, data: { type: "string" },
            threads: { type: "string" }, context: { type: "string" }, token: { type: "string" },
            cpu: { type: "boolean" }, help: { type: "boolean", short: "h" }, "simulate-hardware": { type: "string" }
        }
    });
    if (values.help) {
        console.log(USAGE);
        return;
    }
    const simulated = values["simulate-hardware"];
    if (simulated != null && !Object.hasOwn(simulatedMachines, simulated))
        throw new Error(`--simulate-hardware must be one of: ${Object.keys(simulatedMachines).join(", ")}.`);
    const services = await createServices({
        dataDir: values.data ?? defaultDataDir(),
        host: "browser",
        starterModels: findStarterModels(),
        ...(simulated != null ? { simulatedHardware: simulatedMachines[simulated as keyof typeof simulatedMachines] } : {}),
        engine: {
            ...(values.threads ? { threads: positive(values.threads, "--threads") } : {}),
            ...(values.context ? { contextSize: positive(values.context, "--context") } : {}),
            ...(values.cpu || process.env.LOCUS_GPU === "false" ? { gpu: false as const } : {})
        }
    });
    const host = new BrowserHost({
        services, rendererDir: findRendererDir(import.meta.url),
        port: values.port ? Number(values.port) : 0, ...(values.token ? { token: values.token } : {})
    });
    const url = await host.listen();
    console.log(`Locus is running. Open this address in your browser:\n\n  ${url}\n`);

    const shutdown = async () => {
        await host.close();
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

main().catch((error: unknown) => {
    console.error(`Locus could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
});
