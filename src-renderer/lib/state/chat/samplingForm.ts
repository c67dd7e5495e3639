import { samplingFields, samplingLimits, type SamplingField, type SamplingSettings } from "@common/contract";

/** The Advanced panel's fields as typed: an empty field means "use the default". */
export type SamplingDraft = Record<SamplingField, string>;

/** How each field is named on screen, and what it does in a few words. */
export const samplingLabels: Record<SamplingField, { label: string; hint: string }> = {
    temperature: { label: "Temperature", hint: "0 always picks the likeliest word; higher is more varied" },
    topP: { label: "Top-p", hint: "Keep the likeliest words up to this total probability" },
    topK: { label: "Top-k", hint: "Keep only this many likeliest words (0: all)" },
    minP: { label: "Min-p", hint: "Drop words this much less likely than the best (0: none)" },
    repeatPenalty: { label: "Repeat penalty", hint: "Discourage repeating recent words (1: off)" },
    maxTokens: { label: "Maximum answer length", hint: "In tokens" },
    seed: { label: "Seed", hint: "The same seed gives the same answer; empty: a new one each time" }
};

export function draftOf(settings: SamplingSettings | null): SamplingDraft {
    const draft = {} as SamplingDraft;
    for (const field of samplingFields) {
        const value = settings?.[field];
        draft[field] = value == null ? "" : String(value);
    }
    return draft;
}

/**
 * The draft as settings, each value checked against its range; a problem names the field and the range,
 * as the services would. Empty fields are left out (the default applies).
 */
export function parseSamplingDraft(draft: SamplingDraft): { sampling: SamplingSettings; problems: Partial<Record<SamplingField, string>> } {
    const sampling: SamplingSettings = {};
    const problems: Partial<Record<SamplingField, string>> = {};
    for (const field of samplingFields) {
        const text = draft[field].trim();
        if (text === "") continue;
        const { min, max, integer } = samplingLimits[field];
        const value = Number(text);
        if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
            problems[field] = `${samplingLabels[field].label} must be ${integer ? "a whole number " : ""}between ${min} and ${max}.`;
            continue;
        }
        sampling[field] = value;
    }
    return { sampling, problems };
}
