/** One assertion of pack:check: what it protects, whether it held, and the evidence (or what is wrong). */
export type CheckResult = { name: string; ok: boolean; detail: string };

export function check(name: string, ok: boolean, detail: string): CheckResult {
    return { name, ok, detail };
}
