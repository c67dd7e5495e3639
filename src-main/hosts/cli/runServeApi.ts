import { findStarterModels } from "../../models/starter/findStarterModels.js";
import { createServices, type Services } from "../../services/createServices.js";
import type { CliOutput } from "./runIngest.js";

export type ServeApiOptions = {
    dataDir: string;
    /** Port to listen on (default: the one in the app's settings, 8585 unless changed). */
    port?: number;
    /** A GGUF chat model to add and load; default: the one last loaded in the app (or the starter model). */
    modelPath?: string;
    threads?: number;
    gpu: "auto" | false;
};

/**
 * `locus serve-api`: the app's services without a window, and the local OpenAI-compatible API on
 * 127.0.0.1 with the app's key, until Ctrl-C. Resolves with the exit code once stopped.
 */
export async function runServeApi(options: ServeApiOptions, output: CliOutput, stopped: Promise<void>): Promise<number> {
    const services: Services = await createServices({
        dataDir: options.dataDir, host: "browser", starterModels: findStarterModels(),
        engine: { gpu: options.gpu, ...(options.threads != null ? { threads: options.threads } : {}) }
    });
    try {
        if (options.modelPath != null) {
            const added = await services.models.addFromPath(options.modelPath);
            await services.models.load(added.id);
            services.settings.update({ chatModelId: added.id });
        }
        const status = await services.api.serve(options.port != null ? { port: options.port } : {});
        if (!status.running) {
            output.err(status.error ?? "Locus's API could not start.");
            return 1;
        }
        output.out(`Locus's OpenAI-compatible API is at ${status.url}`);
        output.out(`API key: ${status.token}`);
        output.out("Models: GET /v1/models (the loaded chat model, the embedding model, and locus-library for answers from your documents). Ctrl-C stops.");
        await stopped;
        return 0;
    } finally {
        await services.dispose();
    }
}
