import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Events } from "../../../src-main/common/contract/events.js";
import type { MethodInput, MethodName, MethodOutput } from "../../../src-main/common/contract/methods.js";
import type { ModelInfo } from "../../../src-main/common/contract/types.js";
import { createServices, type Services } from "../../../src-main/services/createServices.js";
import { ensureSyntheticModel } from "../gguf/ensureSyntheticModel.js";
import type { SyntheticModelName } from "../gguf/syntheticModels.js";

/** The services of a fresh (or given) data folder, with typed calls that throw on failure. */
export type ChatHarness = {
    services: Services;
    dataDir: string;
    call<M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>>;
    /** The result as data, for calls expected to fail. */
    attempt(method: MethodName, args: unknown): ReturnType<Services["dispatcher"]["dispatch"]>;
    /** Resolves with the next `chat.done`. */
    nextDone(): Promise<Events["chat.done"]>;
    /** Adds a synthetic model and loads it. */
    loadModel(name: SyntheticModelName): Promise<ModelInfo>;
    dispose(): Promise<void>;
};

const created: string[] = [];

/** CPU, 2 threads, a small context: what the model-tier tests of chat need. */
export async function startChatServices(options: { dataDir?: string; contextSize?: number; maxAnswerTokens?: number } = {}): Promise<ChatHarness> {
    const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "locus-chat-"));
    if (options.dataDir == null) created.push(dataDir);
    const services = await createServices({
        dataDir, host: "browser", engine: { gpu: false, contextSize: options.contextSize ?? 1024, threads: 2 }, maxAnswerTokens: options.maxAnswerTokens ?? 48
    });
    const call = async <M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>> => {
        const result = await services.dispatcher.dispatch(method, args);
        if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
        return result.value as MethodOutput<M>;
    };
    return {
        services, dataDir, call,
        attempt: (method, args) => services.dispatcher.dispatch(method, args),
        nextDone: () => new Promise((resolve) => {
            const off = services.events.subscribe((message) => {
                if (message.event === "chat.done") {
                    off();
                    resolve(message.payload);
                }
            });
        }),
        loadModel: async (name) => {
            const model = await call("models.addFromPath", { path: await ensureSyntheticModel(name) });
            await call("models.load", { modelId: model.id });
            return model;
        },
        dispose: () => services.dispose()
    };
}

/** Removes the data folders made by startChatServices. */
export function removeChatDataDirs(): void {
    for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
