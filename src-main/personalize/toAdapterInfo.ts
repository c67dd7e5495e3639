import type { AdapterInfo } from "@common/contract/personalizeTypes.js";
import type { StoredAdapter } from "../store/AdapterRepository.js";

/** Registry entries for a pairs file have ids of this form (TrainingService); the rest are library documents. */
export const pairsEntryPrefix = "pairs:";

/** What the renderer sees of an adapter: everything but its file path. */
export function toAdapterInfo(adapter: StoredAdapter): AdapterInfo {
    const isPairs = (document: { id: string }) => document.id.startsWith(pairsEntryPrefix);
    return {
        id: adapter.id, name: adapter.name, baseModelId: adapter.baseModelId, baseModelName: adapter.baseModelName,
        baseModelHash: adapter.baseModelFingerprint, documentNames: adapter.documents.filter((document) => !isPairs(document)).map((document) => document.name),
        pairSources: adapter.documents.filter(isPairs).map((document) => document.name),
        budgetMinutes: adapter.budgetMinutes, steps: adapter.steps, tokensTrained: adapter.tokensTrained,
        lossBefore: adapter.lossBefore, lossAfter: adapter.lossAfter, lossOn: adapter.lossOn, sizeBytes: adapter.sizeBytes, createdAt: adapter.createdAt,
        active: adapter.active, scale: adapter.scale
    };
}
