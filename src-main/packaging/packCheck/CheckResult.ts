/** Which part of the installation a check is about (the test groups them so). */
export type CheckGroup = "archive" | "native-links" | "resources" | "run" | "damaged" | "pack-check";

/** One assertion of pack:check: what it protects, whether it held, and the evidence (or what is wrong). */
export type CheckResult = { group: CheckGroup; name: string; ok: boolean; detail: string };

export function check(group: CheckGroup, name: string, ok: boolean, detail: string): CheckResult {
    return { group, name, ok, detail };
}
