import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { FakeHubOptions, HubFaults, HubFile, HubFileSpec, ServedRequest } from "./fakeHubTypes.js";
import { parseRange } from "./parseRange.js";
import { writeBody } from "./writeBody.js";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/**
 * A local stand-in for huggingface.co on 127.0.0.1: the resolve route (302 to a CDN path carrying
 * `x-linked-etag`/`x-linked-size`, like LFS files on the real hub), ranged GETs, HEAD, the revision API,
 * and faults to inject. Every request is recorded, with the file bytes it was sent.
 */
export class FakeHub {
    faults: HubFaults = {};
    readonly requests: ServedRequest[] = [];
    readonly #files = new Map<string, HubFile>();
    readonly #sockets = new Set<Socket>();
    readonly #parked = new Set<ServerResponse>();
    readonly #options: Required<FakeHubOptions>;
    #server: Server | null = null;
    #port = 0;

    constructor(options: FakeHubOptions = {}) {
        this.#options = { redirect: true, linkedEtag: true, api: true, ...options };
    }

    /** The endpoint to give the downloader, with a trailing slash. */
    get endpoint(): string {
        return `http://127.0.0.1:${this.#port}/`;
    }

    addFile(spec: HubFileSpec): HubFile {
        const file = { ...spec, sha256: sha256(spec.bytes), size: spec.bytes.length };
        this.#files.set(`${spec.repository}@${spec.revision}/${spec.fileName}`, file);
        return file;
    }

    async start(): Promise<this> {
        const server = createServer((request, response) => void this.#handle(request, response));
        server.on("connection", (socket) => {
            if (this.faults.offline) return void socket.destroy();
            this.#sockets.add(socket);
            socket.on("close", () => this.#sockets.delete(socket));
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        this.#port = (server.address() as { port: number }).port;
        this.#server = server;
        return this;
    }

    /** Replaces the faults; going offline also cuts the connections already open. */
    setFaults(faults: HubFaults): void {
        this.faults = faults;
        if (faults.offline) for (const socket of this.#sockets) socket.destroy();
    }

    /** Clears every fault and closes the connections a stall left hanging. */
    heal(): void {
        this.faults = {};
        for (const response of this.#parked) response.socket?.destroy();
        this.#parked.clear();
    }

    /** File bytes sent by data requests (ranged GETs) from `requests[since]` on. */
    dataBytes(since = 0): number {
        return this.dataRequests(since).reduce((sum, request) => sum + request.bytesSent, 0);
    }

    dataRequests(since = 0): ServedRequest[] {
        return this.requests.slice(since).filter((request) => request.method === "GET" && request.range != null);
    }

    async stop(): Promise<void> {
        this.heal();
        const server = this.#server;
        if (server == null) return;
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        this.#server = null;
    }

    async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const url = new URL(request.url ?? "/", this.endpoint);
        const record: ServedRequest = { method: request.method ?? "GET", path: url.pathname, status: 200, range: null, bytesSent: 0 };
        this.requests.push(record);
        const respond = (status: number, headers: Record<string, string | number> = {}, body?: string) => {
            record.status = status;
            response.writeHead(status, headers).end(body);
        };
        if (this.faults.status != null) return respond(this.faults.status, {}, "injected failure");

        const segments = url.pathname.split("/").slice(1).map(decodeURIComponent);
        const [owner, name, kind, revision, ...rest] = segments;
        if (owner === "api") return this.#serveApi(segments.slice(1), respond);
        if (owner === "cdn") return this.#serveBytes(request, response, record, [...this.#files.values()].find((f) => f.sha256 === name));
        const file = this.#files.get(`${owner}/${name}@${revision}/${rest.join("/")}`);
        if (kind !== "resolve" || file == null) return respond(404, { "x-error-code": "EntryNotFound" }, "Entry not found");

        const linked: Record<string, string | number> = {
            "x-linked-size": file.size, "x-repo-commit": "0".repeat(40),
            ...(this.#options.linkedEtag ? { "x-linked-etag": `"${file.sha256}"` } : {})
        };
        if (!this.#options.redirect) return this.#serveBytes(request, response, record, file, linked);
        // Like the hub: an absolute CDN URL, and an ETag that is the git id of the LFS pointer, not the content's hash.
        respond(302, { ...linked, location: `${this.endpoint}cdn/${file.sha256}?expires=never`, etag: `"${"1".repeat(40)}"`, "content-length": 0 });
    }

    async #serveBytes(request: IncomingMessage, response: ServerResponse, record: ServedRequest, file: HubFile | undefined, extra: Record<string, string | number> = {}): Promise<void> {
        if (file == null) {
            record.status = 404;
            return void response.writeHead(404).end();
        }
        const size = Math.min(file.size, this.faults.truncateTo ?? file.size);
        const headers = { "accept-ranges": "bytes", "content-type": "application/octet-stream", etag: `"${file.sha256}"`, ...extra };
        const rangeHeader = request.headers.range;
        const range = rangeHeader == null ? { start: 0, end: size } : parseRange(rangeHeader, size);
        if (range == null) {
            record.status = 416;
            return void response.writeHead(416, { "content-range": `bytes */${size}` }).end();
        }
        record.range = rangeHeader == null ? null : range;
        record.status = rangeHeader == null ? 200 : 206;
        response.writeHead(record.status, {
            ...headers, "content-length": range.end - range.start,
            ...(rangeHeader == null ? {} : { "content-range": `bytes ${range.start}-${range.end - 1}/${size}` })
        });
        if (request.method === "HEAD") return void response.end();
        await writeBody(response, file.bytes, range.start, range.end, {
            faults: this.faults, dataRequest: rangeHeader != null, record,
            consumeDrop: () => { this.faults = { ...this.faults, dropAtOffset: undefined }; },
            park: (parked) => void this.#parked.add(parked)
        });
    }

    #serveApi(segments: string[], respond: (status: number, headers?: Record<string, string>, body?: string) => void): void {
        const [models, owner, name, revisionWord, revision] = segments;
        const files = [...this.#files.values()].filter((f) => f.repository === `${owner}/${name}` && f.revision === revision);
        if (!this.#options.api || models !== "models" || revisionWord !== "revision" || files.length === 0)
            return respond(404, { "content-type": "application/json" }, JSON.stringify({ error: "Repository not found" }));
        const siblings = files.map((f) => ({ rfilename: f.fileName, size: f.size, lfs: { sha256: f.sha256, size: f.size, pointerSize: 134 } }));
        respond(200, { "content-type": "application/json" }, JSON.stringify({ id: `${owner}/${name}`, sha: revision, siblings }));
    }
}
