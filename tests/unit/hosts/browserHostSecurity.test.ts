import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { BrowserHost, MAX_MESSAGE_BYTES, UNAUTHORIZED_CLOSE_CODE } from "../../../src-main/hosts/browser/BrowserHost.js";
import { Dispatcher, type Handlers } from "../../../src-main/ipc/Dispatcher.js";
import type { Services } from "../../../src-main/services/createServices.js";
import { EventHub } from "../../../src-main/services/EventHub.js";

const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-renderer-security-"));
fs.writeFileSync(path.join(rendererDir, "index.html"), "<h1>Locus</h1>");
let calls = 0;
const services = {
    events: new EventHub(),
    dispatcher: new Dispatcher({ "chats.list": () => { calls++; return []; } } as unknown as Handlers)
} as unknown as Services;
const hosts: BrowserHost[] = [];

afterEach(async () => {
    await Promise.all(hosts.splice(0).map((host) => host.close()));
});
afterAll(() => fs.rmSync(rendererDir, { recursive: true, force: true }));
beforeAll(() => {
    calls = 0;
});

async function start(port = 0): Promise<{ host: BrowserHost; port: number; token: string }> {
    const host = new BrowserHost({ services, rendererDir, port });
    hosts.push(host);
    const url = new URL(await host.listen());
    if (port !== 0 && Number(url.port) !== port) throw new Error("port not reused");
    return { host, port: Number(url.port), token: host.token };
}

/** How a WebSocket attempt ended: opened and answered a call, closed with a code, or refused at the upgrade. */
function attempt(port: number, query: string, headers: { origin?: string; host?: string } = {}): Promise<"answered" | number | "refused"> {
    return new Promise((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws${query}`, {
            ...(headers.origin ? { origin: headers.origin } : {}), ...(headers.host ? { headers: { host: headers.host } } : {})
        });
        ws.once("open", () => ws.send(JSON.stringify({ type: "invoke", id: 1, method: "chats.list", args: {} })));
        ws.once("message", () => {
            ws.close();
            resolve("answered");
        });
        ws.once("close", (code) => resolve(code));
        ws.once("error", () => resolve("refused"));
    });
}

function get(port: number, headers: Record<string, string>, method = "GET"): Promise<number> {
    return new Promise((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port, path: "/", method, headers }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
    });
}

describe("the browser host refuses", () => {
    it("a WebSocket without a token, or with a wrong one of any length, before any call runs", async () => {
        const { port, token } = await start();
        calls = 0;
        const origin = `http://127.0.0.1:${port}`;
        expect(await attempt(port, "", { origin })).toBe(UNAUTHORIZED_CLOSE_CODE);
        expect(await attempt(port, "?token=", { origin })).toBe(UNAUTHORIZED_CLOSE_CODE);
        expect(await attempt(port, `?token=${"x".repeat(token.length)}`, { origin })).toBe(UNAUTHORIZED_CLOSE_CODE);
        expect(await attempt(port, `?token=${token.slice(0, -1)}`, { origin })).toBe(UNAUTHORIZED_CLOSE_CODE);
        expect(await attempt(port, `?token=${token}x`, { origin })).toBe(UNAUTHORIZED_CLOSE_CODE);
        expect(await attempt(port, `?tok=${token}`, { origin })).toBe(UNAUTHORIZED_CLOSE_CODE);
        expect(calls).toBe(0);
        expect(await attempt(port, `?token=${encodeURIComponent(token)}`, { origin })).toBe("answered");
        expect(calls).toBe(1);
    });

    it("a WebSocket or a page request naming another Host (DNS rebinding)", async () => {
        const { port, token } = await start();
        for (const host of ["evil.example", `evil.example:${port}`, `127.0.0.1:${port + 1}`, `127.0.0.1.evil.example:${port}`, `localhost:${port}.evil`]) {
            expect(await attempt(port, `?token=${token}`, { host }), host).toBe("refused");
            expect(await get(port, { host }), host).toBe(403);
        }
        expect(await get(port, { host: `localhost:${port}` })).toBe(200);
    });

    it("a WebSocket or a page request from another Origin, compared exactly", async () => {
        const { port, token } = await start();
        for (const origin of [
            "http://evil.example", `http://127.0.0.1:${port}.evil.example`, `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`,
            `http://127.0.0.1:${port}/`, "null", `http://user@127.0.0.1:${port}`, `http://127.0.0.1`
        ]) {
            expect(await attempt(port, `?token=${token}`, { origin }), origin).toBe("refused");
            expect(await get(port, { host: `127.0.0.1:${port}`, origin }), origin).toBe(403);
        }
        expect(await attempt(port, `?token=${token}`, { origin: `http://localhost:${port}`, host: `localhost:${port}` })).toBe("answered");
    });

    it("requests that could change something over plain HTTP (only GET and HEAD are served)", async () => {
        const { port } = await start();
        for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) expect(await get(port, {}, method), method).toBe(403);
    });

    it("a token from before a restart: each launch makes a new secret", async () => {
        const first = await start();
        expect(await attempt(first.port, `?token=${first.token}`)).toBe("answered");
        await first.host.close();
        hosts.splice(hosts.indexOf(first.host), 1);

        const second = await start(first.port);
        expect(second.token).not.toBe(first.token);
        expect(second.token.length).toBeGreaterThanOrEqual(32);
        expect(await attempt(second.port, `?token=${first.token}`)).toBe(UNAUTHORIZED_CLOSE_CODE);
        expect(await attempt(second.port, `?token=${second.token}`)).toBe("answered");
    });
});

describe("the browser host under hostile frames", () => {
    it("closes only the socket that sent a frame over the size limit (1009), without an uncaught error, and keeps serving", async () => {
        const { port, token } = await start();
        const crashes: unknown[] = [];
        const onCrash = (error: unknown) => crashes.push(error);
        process.on("uncaughtException", onCrash);
        try {
            const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { origin: `http://127.0.0.1:${port}` });
            await new Promise((resolve) => ws.once("open", resolve));
            const closed = new Promise<number>((resolve) => ws.once("close", resolve));
            ws.send(JSON.stringify({ type: "invoke", id: 1, method: "chats.list", args: { text: "a".repeat(MAX_MESSAGE_BYTES + 1) } }));
            expect(await closed).toBe(1009);
            await new Promise((resolve) => setTimeout(resolve, 100));
            expect(crashes).toEqual([]);
            expect(await attempt(port, `?token=${token}`, { origin: `http://127.0.0.1:${port}` })).toBe("answered");
        } finally {
            process.off("uncaughtException", onCrash);
        }
    });

    it("accepts the largest request the contract allows (100,000 document ids to learn from)", async () => {
        const { port, token } = await start();
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { origin: `http://127.0.0.1:${port}` });
        await new Promise((resolve) => ws.once("open", resolve));
        const answered = new Promise<unknown>((resolve) => ws.once("message", (data) => resolve(JSON.parse(data.toString()))));
        const documentIds = Array.from({ length: 100_000 }, (_, i) => `${"d".repeat(56)}${String(i).padStart(8, "0")}`);
        ws.send(JSON.stringify({ type: "invoke", id: 7, method: "chats.list", args: { documentIds, budgetMinutes: 1 } }));
        expect(await answered).toMatchObject({ type: "result", id: 7 });
        ws.close();
    });
});
