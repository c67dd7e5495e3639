import type { BackupReason } from "@common/contract/backupTypes.js";

export const backupReasons: readonly BackupReason[] = ["daily", "migration", "manual", "before-restore"];

const pattern = /^(\d{8}T\d{9}Z)-(daily|migration|manual|before-restore)$/;

/** A backup's id: its UTC time to the millisecond and its reason, e.g. 20261202T044500123Z-daily; sorts by time. */
export function backupId(createdAt: number, reason: BackupReason): string {
    return `${new Date(createdAt).toISOString().replace(/[-:.]/g, "")}-${reason}`;
}

/** The time and reason in an id, or null when the text is no backup id (any other file in the folder). */
export function parseBackupId(id: string): { createdAt: number; reason: BackupReason } | null {
    const match = pattern.exec(id);
    if (match === null) return null;
    const stamp = match[1]!;
    const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
    const createdAt = Date.parse(iso);
    return Number.isNaN(createdAt) ? null : { createdAt, reason: match[2] as BackupReason };
}
