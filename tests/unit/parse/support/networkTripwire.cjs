/* eslint-disable @typescript-eslint/no-require-imports -- a preload given to node --require must be CommonJS */
// Preloaded (node --require) into a worker process and each of its threads by tests that must prove
// nothing goes to the network: every way out (TCP sockets, DNS, fetch, http, https) is logged to the
// file named by LOCUS_TRIPWIRE_LOG and then refused. Local pipes (a socket given a file path, as tsx's
// loader opens to its own process) are not the network and pass.
const fs = require("node:fs");
const log = process.env.LOCUS_TRIPWIRE_LOG;
function trip(what) {
    if (log) fs.appendFileSync(log, `${what}\n`);
    throw new Error(`network use refused by the test tripwire: ${what}`);
}
const net = require("node:net");
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
    const [first] = args;
    const options = Array.isArray(first) ? first[0] : first;
    const path = typeof options === "string" && !/^\d+$/.test(options) ? options : options && typeof options === "object" ? options.path : undefined;
    if (typeof path === "string") return connect.apply(this, args);
    trip(`net.Socket.connect ${JSON.stringify(options && typeof options === "object" ? { host: options.host, port: options.port } : options)}`);
};
const dns = require("node:dns");
dns.lookup = () => trip("dns.lookup");
dns.promises.lookup = async () => trip("dns.promises.lookup");
for (const name of ["http", "https"]) {
    const module = require(`node:${name}`);
    module.request = () => trip(`${name}.request`);
    module.get = () => trip(`${name}.get`);
}
globalThis.fetch = async (url) => trip(`fetch ${String(url)}`);
