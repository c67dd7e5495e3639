import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { ensureLlamaServer } from "./ensureLlamaServer.js";

export type LlamaServerOptions = {
    /** Always explicit: more threads than cores collapses throughput. */
    threads: number;
    contextSize?: number;
    /** GGUF LoRA adapters with their scales (`--lora-scaled`). */
    lora?: readonly { path: string; scale: number }[];
    /** Name the model answers under (`--alias`). */
    alias?: string;
    apiKey?: string;
    /** Slots answering at once (`--parallel`, default 1 like Locus's own engine). */
    parallel?: number;
    /** Seconds to wait for the model to load (default 120). */
    startTimeoutSeconds?: number;
    /** Serve embeddings (`--embeddings`) instead of completions. */
    embeddings?: boolean;
};

export type RunningLlamaServer = {
    /** OpenAI-compatible base URL, e.g. http://127.0.0.1:PORT/v1. */
    url: string;
    process: ChildProcess;
    /** Everything it printed, for failure messages. */
    output(): string;
    /** Stops it (SIGKILL with `hard`, as a crash would) and waits for it to exit. */
    stop(hard?: boolean): Promise<void>;
};

/** Starts llama-server (built once from the bundled llama.cpp) on 127.0.0.1 and resolves when it answers /health. */
export async function startLlamaServer(modelPath: string, options: LlamaServerOptions): Promise<RunningLlamaServer> {
    const binary = await ensureLlamaServer({ echo: true });
    const port = await freePort();
    const args = [
        "-m", modelPath, "--host", "127.0.0.1", "--port", String(port), "-t", String(options.threads), "-tb", String(options.threads),
        "-c", String(options.contextSize ?? 2048), "-ngl", "0", "--parallel", String(options.parallel ?? 1), "--no-webui",
        ...(options.alias ? ["--alias", options.alias] : []),
        ...(options.apiKey ? ["--api-key", options.apiKey] : []),
        ...(options.embeddings ? ["--embeddings"] : []),
        ...(options.lora?.length ? ["--lora-scaled", options.lora.map((adapter) => `${adapter.path}:${adapter.scale}`).join(",")] : [])
    ];
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (data: Buffer) => (output += data.toString()));
    child.stderr.on("data", (data: Buffer) => (output += data.toString()));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + (options.startTimeoutSeconds ?? 120) * 1000;
    for (;;) {
        if (child.exitCode != null) throw new Error(`llama-server exited (${child.exitCode}) before it was ready:\n${output.slice(-3000)}`);
        const healthy = await fetch(`${url}/health`).then((response) => response.ok, () => false);
        if (healthy) break;
        if (Date.now() > deadline) {
            child.kill("SIGKILL");
            throw new Error(`llama-server did not become ready:\n${output.slice(-3000)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return {
        url: `${url}/v1`, process: child, output: () => output,
        stop: async (hard = false) => {
            if (child.exitCode == null && child.signalCode == null) child.kill(hard ? "SIGKILL" : "SIGTERM");
            await exited;
        }
    };
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const port = (server.address() as net.AddressInfo).port;
            server.close(() => resolve(port));
        });
    });
}
