import type { Settings } from "@common/contract/settingsTypes.js";

type EngineSettings = Pick<Settings, "contextSize" | "threads">;

/**
 * What a settings change asks of the engine: only the fields the person actually changed. Changing
 * anything else (a model choice, a parser limit) must leave the engine as it is, including a context size
 * or thread count the host was started with (`serve --threads 1`), which overrides the saved settings.
 */
export function engineSettingsPatch(previous: EngineSettings, next: EngineSettings): Partial<EngineSettings> | null {
    const patch: Partial<EngineSettings> = {};
    if (next.contextSize !== previous.contextSize) patch.contextSize = next.contextSize;
    if (next.threads !== previous.threads) patch.threads = next.threads;
    return Object.keys(patch).length === 0 ? null : patch;
}
