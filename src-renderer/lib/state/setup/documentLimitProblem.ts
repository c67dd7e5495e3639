import { documentLimitBounds } from "@common/contract/settingsTypes.js";

export type DocumentLimitKey = keyof typeof documentLimitBounds;
export type DocumentLimits = Record<DocumentLimitKey, number>;

export const limitLabels: Record<DocumentLimitKey, string> = {
    maxDocumentMegabytes: "Largest document (MB)",
    maxDocumentPages: "Most pages",
    maxInflatedMegabytes: "Largest unpacked size (MB)",
    parseTimeoutSeconds: "Time to read one document (seconds)",
    maxScannedPages: "Most scanned pages (text recognition)",
    maxMailboxMessages: "Most messages in a mailbox"
};

/** The first value outside its bounds, in words; null when every value is usable. */
export function documentLimitProblem(limits: DocumentLimits): string | null {
    for (const key of Object.keys(documentLimitBounds) as DocumentLimitKey[]) {
        const { min, max } = documentLimitBounds[key];
        const value = limits[key];
        if (!Number.isInteger(value) || value < min || value > max)
            return `${limitLabels[key]} must be a whole number from ${min} to ${max.toLocaleString("en-US")}.`;
    }
    return null;
}
