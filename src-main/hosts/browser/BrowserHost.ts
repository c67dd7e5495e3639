import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import type { WireRequest, WireResponse } from "@common/contract/transport.js";
import type { Services } from "../../services/createServices.js";
import { StaticFiles } from "./StaticFiles.js";

export type BrowserHostOptions = {
    services: Services;
    rendererDir: string;
    /** 0 picks a free port. */
    port?: number;
    /** Fixed token (tests); by default a new random secret per launch. */
    token?: string;
};

const CSP = [
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
    "connect-src 'self' ws://127.0.0.1:* ws://localhost:*", "object-src 'none'", "base-uri 'none'",
    "form-action 'none'", "frame-ancestors 'none'"
].join("; ");

/** Closes a socket whose token is wrong; the renderer shows "open the link Locus printed". */
export const UNAUTHORIZED_CLOSE_CODE = 4401;
/**
 * The largest message a page may send: above the largest request the contract accepts (training.start with
 * 100,000 document ids, about 7 MB). A larger frame closes that socket (1009); the page reconnects.
 */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** Closes sockets while the services restart (WebSocket's "try again later"); the renderer reconnects. */
export const RESTARTING_CLOSE_CODE = 1013;

/**
 * The services in plain Node for machines without Electron: serves the built renderer on loopback
 * only and speaks the contract over a WebSocket guarded by a per-launch secret token.
 */
export class BrowserHost {
    readonly token: string;
    readonly #server: http.Server;
    readonly #wss: WebSocketServer;
    readonly #files: StaticFiles;
    #port = 0;
    /** null while the services restart (a restore from Settings): sockets are told to come back. */
    #services: Services | null;

    constructor(private readonly options: BrowserHostOptions) {
        this.#services = options.services;
        this.token = options.token ?? randomBytes(24).toString("base64url");
        this.#files = new StaticFiles(options.rendererDir);
        this.#server = http.createServer((req, res) => this.#serve(req, res));
        this.#wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
        this.#server.on("upgrade", (req, socket, head) => {
            if (!this.#trustedRequest(req) || new URL(req.url ?? "/", "http://x").pathname !== "/ws") {
                socket.destroy();
                return;
            }
            this.#wss.handleUpgrade(req, socket, head, (ws) => this.#connect(ws, req));
        });
    }

    /** Listens on 127.0.0.1 only; resolves with the URL to open (token in the fragment, never sent in requests). */
    async listen(): Promise<string> {
        await new Promise<void>((resolve, reject) => {
            this.#server.once("error", reject);
            this.#server.listen(this.options.port ?? 0, "127.0.0.1", () => resolve());
        });
        this.#port = (this.#server.address() as AddressInfo).port;
        return `http://127.0.0.1:${this.#port}/#token=${this.token}`;
    }

    /**
     * Swaps in services rebuilt on the same data folder (after a restore): every socket is closed and the
     * pages reconnect, with the same token, to the new services. `null` while they are being built.
     */
    replaceServices(services: Services | null): void {
        this.#services = services;
        for (const client of this.#wss.clients) client.close(RESTARTING_CLOSE_CODE, "Locus is restarting.");
    }

    async close(): Promise<void> {
        for (const client of this.#wss.clients) client.terminate();
        this.#wss.close();
        await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    }

    /** Host and Origin must name this loopback server: blocks DNS rebinding and other sites' pages. */
    #trustedRequest(req: http.IncomingMessage): boolean {
        const allowed = [`127.0.0.1:${this.#port}`, `localhost:${this.#port}`];
        if (!allowed.includes(req.headers.host ?? "")) return false;
        const origin = req.headers.origin;
        return origin == null || allowed.some((host) => origin === `http://${host}`);
    }

    #serve(req: http.IncomingMessage, res: http.ServerResponse): void {
        if (!this.#trustedRequest(req) || (req.method !== "GET" && req.method !== "HEAD")) {
            res.writeHead(403).end();
            return;
        }
        const found = this.#files.lookup(new URL(req.url ?? "/", "http://x").pathname);
        if (found == null) {
            res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
            return;
        }
        res.writeHead(200, {
            "content-type": found.contentType, "content-security-policy": CSP, "x-content-type-options": "nosniff",
            "referrer-policy": "no-referrer", "cache-control": "no-cache"
        });
        if (req.method === "HEAD") res.end();
        else fs.createReadStream(found.file).pipe(res);
    }

    #connect(ws: WebSocket, req: http.IncomingMessage): void {
        const given = Buffer.from(new URL(req.url ?? "/", "http://x").searchParams.get("token") ?? "");
        const expected = Buffer.from(this.token);
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
            ws.close(UNAUTHORIZED_CLOSE_CODE, "Invalid token: open the address Locus printed when it started.");
            return;
        }
        // A frame over the size limit, or broken framing, is reported here; ws then closes this socket.
        // Without a listener the error would be thrown, and would take the whole host down.
        ws.on("error", (error) => console.error(`Locus: closed a connection: ${error.message}`));
        const services = this.#services;
        if (services === null) {
            ws.close(RESTARTING_CLOSE_CODE, "Locus is restarting.");
            return;
        }
        const send = (message: WireResponse) => {
            if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
        };
        const unsubscribe = services.events.subscribe((message) => send({ type: "event", ...message }));
        ws.on("close", unsubscribe);
        ws.on("message", async (data) => {
            const request = parseRequest(data.toString());
            if (request == null) return;
            send({ type: "result", id: request.id, result: await services.dispatcher.dispatch(request.method, request.args) });
        });
    }
}

function parseRequest(text: string): WireRequest | null {
    try {
        const value: unknown = JSON.parse(text);
        if (typeof value !== "object" || value == null) return null;
        const { type, id, method, args } = value as Record<string, unknown>;
        if (type !== "invoke" || typeof id !== "number" || typeof method !== "string") return null;
        return { type, id, method, args };
    } catch {
        return null;
    }
}
