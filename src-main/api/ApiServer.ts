import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { ApiError } from "./ApiError.js";
import type { ApiReply, ApiRoute } from "./ApiRoute.js";
import { isLoopbackAddress } from "./isLoopbackAddress.js";
import { matchRoute } from "./matchRoute.js";
import { readJsonBody } from "./readJsonBody.js";
import { SseWriter } from "./SseWriter.js";
import { toApiError } from "./toApiError.js";

export type ApiServerOptions = {
    routes: readonly ApiRoute[];
    /** The bearer token every request must carry; read per request, so a rotation applies at once. */
    token: () => string;
    /** Web origins (`https://app.example`) whose pages may call the API; none by default, so no CORS headers. */
    allowedOrigins?: () => readonly string[];
    /** Address to listen on: 127.0.0.1 unless the person explicitly chose another. */
    host?: string;
    /** 0 picks a free port. */
    port?: number;
    /** Largest request body in bytes (default 8 MiB); larger ones get 413. */
    maxBodyBytes?: number;
    /** Requests handled at once (default 32); more get 429 with retry-after. */
    maxConcurrent?: number;
    /** Where unexpected failures are logged (default console.error). */
    log?: (message: string, error: unknown) => void;
};

/**
 * Locus's OpenAI-compatible HTTP server. Before any route runs, every request must name this server in its
 * Host header (so a web page cannot reach it through DNS rebinding), come from no web origin or an allowed
 * one, and carry the bearer token; errors are answered in OpenAI's shape. A client that disconnects aborts
 * its request, so generation stops and nothing is left running.
 */
export class ApiServer {
    readonly #server: http.Server;
    readonly #sockets = new Set<net.Socket>();
    #port = 0;
    #active = 0;

    constructor(private readonly options: ApiServerOptions) {
        this.#server = http.createServer((req, res) => void this.#handle(req, res));
        this.#server.on("connection", (socket) => {
            this.#sockets.add(socket);
            socket.once("close", () => this.#sockets.delete(socket));
        });
    }

    /** Requests being handled now (tests check that disconnected clients leave nothing running). */
    get activeRequests(): number {
        return this.#active;
    }

    get port(): number {
        return this.#port;
    }

    get host(): string {
        return this.options.host ?? "127.0.0.1";
    }

    /** Starts listening; resolves with the base URL clients use (`http://127.0.0.1:PORT/v1`). */
    async listen(): Promise<string> {
        await new Promise<void>((resolve, reject) => {
            this.#server.once("error", reject);
            this.#server.listen(this.options.port ?? 0, this.host, () => {
                this.#server.off("error", reject);
                resolve();
            });
        });
        this.#port = (this.#server.address() as AddressInfo).port;
        const shown = net.isIPv6(this.host) ? `[${this.host}]` : this.host;
        return `http://${shown}:${this.#port}/v1`;
    }

    /** Stops accepting requests and cuts open connections (streams in progress are aborted). */
    async close(): Promise<void> {
        const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
        for (const socket of this.#sockets) socket.destroy();
        await closed;
    }

    async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const controller = new AbortController();
        res.once("close", () => {
            if (!res.writableFinished) controller.abort(new Error("The client disconnected."));
        });
        const cors = this.#corsHeaders(req);
        let sse: SseWriter | null = null;
        this.#active++;
        try {
            if (!this.#hostAllowed(req.headers.host))
                throw new ApiError(403, "Requests must be addressed to this computer's Locus server (Host header refused).", "permission_error", "host_not_allowed");
            if (cors == null)
                throw new ApiError(403, "Web pages from this origin may not use Locus's API. Allow the origin in Settings first.", "permission_error", "origin_not_allowed");
            if (req.method === "OPTIONS") {
                res.writeHead(204, { ...cors, "access-control-max-age": "600" }).end();
                return;
            }
            this.#authorize(req.headers.authorization);
            if (this.#active > (this.options.maxConcurrent ?? 32))
                throw new ApiError(429, "Too many requests at once; try again shortly.", "rate_limit_error", "too_many_requests", null, { "retry-after": "1" });
            const url = new URL(req.url ?? "/", "http://localhost");
            const found = matchRoute(this.options.routes, req.method ?? "GET", url.pathname.replace(/\/+$/, ""));
            if (found.route == null) {
                if (found.otherMethods.length > 0)
                    throw new ApiError(405, `Use ${found.otherMethods.join(" or ")} for ${url.pathname}.`, "invalid_request_error", "method_not_allowed");
                throw new ApiError(404, `Locus's API has no ${url.pathname}. See GET /v1/models for what it serves.`, "not_found_error", "unknown_url");
            }
            const body = found.route.method === "POST" ? await readJsonBody(req, this.options.maxBodyBytes ?? 8 * 1024 * 1024) : undefined;
            const reply: ApiReply = await found.route.handle({ params: found.params, body, signal: controller.signal });
            if ("stream" in reply) {
                sse = new SseWriter(res, cors);
                await reply.stream(sse);
                if (!res.writableEnded) sse.done();
            } else {
                sendJson(res, reply.status ?? 200, reply.json, cors);
            }
        } catch (error) {
            this.#fail(res, error, cors ?? {}, sse, controller.signal.aborted);
        } finally {
            this.#active--;
        }
    }

    #fail(res: http.ServerResponse, error: unknown, cors: Record<string, string>, sse: SseWriter | null, disconnected: boolean): void {
        if (disconnected || res.writableEnded || res.destroyed) return;
        const apiError = toApiError(error);
        if (apiError.status >= 500) (this.options.log ?? defaultLog)("Locus API: a request failed:", error);
        if (sse?.started) {
            // Mid-stream the status is already 200: OpenAI's clients read an `error` event and raise it.
            sse.send(apiError.toBody());
            res.end();
            return;
        }
        // A body not read to the end (413, or an early refusal) must not be taken for the next request.
        const closeAfter = !(res.req.complete);
        sendJson(res, apiError.status, apiError.toBody(), {
            ...cors, ...apiError.headers,
            ...(apiError.status === 401 ? { "www-authenticate": "Bearer" } : {}),
            ...(closeAfter ? { connection: "close" } : {})
        });
    }

    #authorize(header: string | undefined): void {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
        if (match == null)
            throw new ApiError(401, "Missing API key: send the key Locus shows in Settings as 'Authorization: Bearer <key>'.", "authentication_error", "missing_api_key");
        const given = Buffer.from(match[1]!);
        const expected = Buffer.from(this.options.token());
        if (given.length !== expected.length || !timingSafeEqual(given, expected))
            throw new ApiError(401, "Incorrect API key: copy the current key from Locus's Settings (it changes when rotated).", "authentication_error", "invalid_api_key");
    }

    /**
     * The Host header must name this server: loopback names on our port, or (only when the person chose to
     * listen beyond loopback) an IP address on our port. A hostname that resolves here by DNS rebinding is refused.
     */
    #hostAllowed(header: string | undefined): boolean {
        if (header == null) return false;
        let url: URL;
        try {
            url = new URL(`http://${header}`);
        } catch {
            return false;
        }
        if (url.port !== String(this.#port) || url.username !== "" || url.pathname !== "/") return false;
        const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
        if (hostname === "localhost" || isLoopbackAddress(hostname)) return true;
        return !isLoopbackAddress(this.host) && net.isIP(hostname) !== 0;
    }

    /** No Origin (programs): no CORS headers. An allowed origin: CORS headers for it. Any other origin: null (refused). */
    #corsHeaders(req: http.IncomingMessage): Record<string, string> | null {
        const origin = req.headers.origin;
        if (origin == null) return {};
        if (!(this.options.allowedOrigins?.() ?? []).includes(origin)) return null;
        return {
            "access-control-allow-origin": origin, vary: "Origin",
            "access-control-allow-methods": "GET, POST, OPTIONS",
            "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "authorization, content-type"
        };
    }
}

function sendJson(res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string>): void {
    const body = JSON.stringify(value);
    res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) }).end(body);
}

function defaultLog(message: string, error: unknown): void {
    console.error(message, error);
}
