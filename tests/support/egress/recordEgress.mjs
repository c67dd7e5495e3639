// Loaded with `--import` (also through NODE_OPTIONS, so every worker process a test starts loads it): records
// each outbound connection attempt and name lookup of this process, one JSON line each, to the file named by
// LOCUS_EGRESS_LOG. Plain JavaScript, so a child loads it before any TypeScript loader.
import dns from "node:dns";
import fs from "node:fs";
import net from "node:net";

const log = process.env.LOCUS_EGRESS_LOG;
const marker = Symbol.for("locus.egressRecorder");

function record(kind, target) {
    if (!log) return;
    try {
        fs.appendFileSync(log, `${JSON.stringify({ pid: process.pid, kind, target })}\n`);
    } catch {
        // The log cannot be written: the test that reads it will find the attempt missing and fail.
    }
}

if (log && !globalThis[marker]) {
    globalThis[marker] = true;
    const connect = net.Socket.prototype.connect;
    net.Socket.prototype.connect = function (...args) {
        const [first, second] = Array.isArray(args[0]) ? args[0] : args;
        if (typeof first === "object" && first !== null) {
            if (typeof first.path === "string") record("connect", { path: first.path });
            else record("connect", { host: first.host ?? "localhost", port: first.port });
        } else if (typeof first === "string" && Number.isNaN(Number(first))) record("connect", { path: first });
        else record("connect", { host: typeof second === "string" ? second : "localhost", port: first });
        return connect.apply(this, args);
    };
    for (const name of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"]) {
        const original = dns[name];
        dns[name] = function (hostname, ...rest) {
            record("dns", { host: hostname });
            return original.call(this, hostname, ...rest);
        };
        const promised = dns.promises[name];
        if (promised) dns.promises[name] = function (hostname, ...rest) {
            record("dns", { host: hostname });
            return promised.call(this, hostname, ...rest);
        };
    }
}
