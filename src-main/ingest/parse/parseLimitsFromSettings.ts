import { documentLimitBounds, ocrLanguageChoices, type Settings } from "@common/contract/settingsTypes.js";
import { defaultParseLimits, type ParseLimits } from "./types.js";

const megabyte = 1024 * 1024;

type LimitSettings = Pick<Settings, "maxDocumentMegabytes" | "maxDocumentPages" | "maxInflatedMegabytes" | "parseTimeoutSeconds"> &
    Partial<Pick<Settings, "maxScannedPages" | "ocrLanguages" | "maxMailboxMessages">>;

/**
 * The parser's limits from the person's Settings, each clamped to its safe bounds: a value edited in
 * the database by hand can neither disable a limit nor set one the parser process cannot honour.
 */
export function parseLimitsFromSettings(settings: LimitSettings): ParseLimits {
    const clamp = (value: number, { min, max }: { min: number; max: number }): number =>
        Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : min;
    return {
        ...defaultParseLimits,
        maxBytes: clamp(settings.maxDocumentMegabytes, documentLimitBounds.maxDocumentMegabytes) * megabyte,
        maxPages: clamp(settings.maxDocumentPages, documentLimitBounds.maxDocumentPages),
        maxInflatedBytes: clamp(settings.maxInflatedMegabytes, documentLimitBounds.maxInflatedMegabytes) * megabyte,
        timeoutMs: clamp(settings.parseTimeoutSeconds, documentLimitBounds.parseTimeoutSeconds) * 1000,
        maxScannedPages: clamp(settings.maxScannedPages ?? defaultParseLimits.maxScannedPages, documentLimitBounds.maxScannedPages),
        ocrLanguages: knownLanguages(settings.ocrLanguages),
        maxMessages: clamp(settings.maxMailboxMessages ?? defaultParseLimits.maxMessages, documentLimitBounds.maxMailboxMessages)
    };
}

/** The chosen languages that Locus has data for, in order, each once; English when none is left. */
function knownLanguages(codes: readonly string[] | undefined): string[] {
    const known = new Set<string>(ocrLanguageChoices.map((choice) => choice.code));
    const kept = [...new Set(codes ?? [])].filter((code) => known.has(code));
    return kept.length > 0 ? kept : [...defaultParseLimits.ocrLanguages];
}
