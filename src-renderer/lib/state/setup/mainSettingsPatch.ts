import type { MethodInput, Settings } from "@common/contract";
import type { ModelRef, SetupChoices } from "./setupChoices.js";

/** The part of the settings main keeps that a change in the renderer may send. */
export type SettingsPatch = MethodInput<"settings.update">;

const sameFile = (a: ModelRef, b: ModelRef) => a.catalogId === b.catalogId && a.quant === b.quant;

/**
 * What to tell main when the person keeps `next`: the context size and threads always; the
 * embedding model only when the chosen catalog file is on this computer (`installedEmbeddingId`)
 * and either that choice changed or main has no embedding model yet. Keeping Settings after changing
 * only the threads must not replace an embedding model picked from the model list, since a new
 * embedding model means indexing every document again.
 */
export function mainSettingsPatch(
    next: SetupChoices, previous: SetupChoices | null, current: Settings | null, installedEmbeddingId: string | null
): SettingsPatch {
    const patch: SettingsPatch = { contextSize: next.contextSize, threads: next.threads };
    if (installedEmbeddingId === null || installedEmbeddingId === current?.embeddingModelId) return patch;
    const changed = previous === null || !sameFile(previous.embedding, next.embedding);
    if (changed || current?.embeddingModelId == null) patch.embeddingModelId = installedEmbeddingId;
    return patch;
}
