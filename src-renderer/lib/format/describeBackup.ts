import type { BackupInfo, BackupReason } from "@common/contract";
import { formatBytes } from "./formatBytes.js";

const reasons: Record<BackupReason, string> = {
    daily: "daily",
    migration: "before an update",
    manual: "made by you",
    "before-restore": "before a restore"
};

/** "2 Dec 2026, 04:45 · daily · 1.2 MB" */
export function describeBackup(backup: BackupInfo, locale?: string): string {
    const when = new Date(backup.createdAt).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
    return `${when} · ${reasons[backup.reason]} · ${formatBytes(backup.sizeBytes)}`;
}
