import fs from "node:fs";

export type EgressAttempt = { pid: number; kind: "connect" | "dns"; target: { host?: string; port?: number | string; path?: string } };

const loopback = new Set(["127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"]);

/** Every attempt recorded by recordEgress.mjs (all processes). */
export function readEgress(file: string): EgressAttempt[] {
    if (!fs.existsSync(file)) return [];
    return fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as EgressAttempt);
}

/** Attempts that leave the machine: anything but loopback addresses and local sockets (IPC pipes). */
export function outbound(attempts: readonly EgressAttempt[]): EgressAttempt[] {
    return attempts.filter((attempt) => attempt.target.path === undefined && !loopback.has(String(attempt.target.host ?? "").toLowerCase()));
}

/** Each distinct place an attempt went to, as "connect host:port", "connect path" or "dns host", sorted. */
export function destinations(attempts: readonly EgressAttempt[]): string[] {
    const named = attempts.map(({ kind, target }) =>
        target.path !== undefined ? `${kind} ${target.path}` : kind === "dns" ? `dns ${String(target.host)}` : `connect ${String(target.host)}:${String(target.port)}`);
    return [...new Set(named)].sort();
}
