import path from "node:path";
import type { EngineStatus, ModelInfo } from "../../../src-main/common/contract/types.js";
import type { ChildApp } from "./ChildApp.js";

/**
 * The chat and embedding models registered and the embedding model chosen (the first run adds them; later
 * runs find them). Returns the chat model's id.
 */
export async function registerModels(app: ChildApp): Promise<string> {
    const models = await app.call<ModelInfo[]>("models.list");
    const find = (file: string) => models.find((model) => model.fileName === path.basename(file));
    const chat = find(app.config.chatModel) ?? (await app.call<ModelInfo>("models.addFromPath", { path: app.config.chatModel }));
    const embed = find(app.config.embedModel) ?? (await app.call<ModelInfo>("models.addFromPath", { path: app.config.embedModel }));
    const settings = await app.call<{ embeddingModelId: string | null; contextSize: number; threads: number | null }>("settings.get");
    // Saved settings win over the engine options the app was started with: a small context loads in a blink.
    const wanted = { embeddingModelId: embed.id, contextSize: 512, threads: app.config.threads };
    if (settings.embeddingModelId !== wanted.embeddingModelId || settings.contextSize !== wanted.contextSize || settings.threads !== wanted.threads)
        await app.call("settings.update", wanted);
    return chat.id;
}

/**
 * The chat model loaded. Locus loads the chat model it had by itself at start, in the background: when that
 * is this model, this waits for that load (loading it again would unload it and load it twice, seconds of a
 * short run); otherwise (the first run) it loads it.
 */
export async function loadChatModel(app: ChildApp, chatId: string): Promise<void> {
    const { chatModelId } = await app.call<{ chatModelId: string | null }>("settings.get");
    const waitUntil = Date.now() + 30_000;
    // Polled rather than awaited through events: the load may end between a status read and a subscription.
    for (;;) {
        const status = await app.call<EngineStatus>("models.status");
        if (status.modelId === chatId && status.state === "ready") return;
        const startsByItself = chatModelId === chatId && status.state === "idle" && Date.now() < waitUntil;
        if (!startsByItself && (status.modelId !== chatId || status.state !== "loading")) {
            await app.call("models.load", { modelId: chatId });
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
}
