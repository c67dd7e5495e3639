import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { BrowserHost, UNAUTHORIZED_CLOSE_CODE } from "../../../src-main/hosts/browser/BrowserHost.js";
import { Dispatcher, type Handlers } from "../../../src-main/ipc/Dispatcher.js";
import type { Services } from "../../../src-main/services/createServices.js";
import { EventHub } from "../../../src-main/services/EventHub.js";

const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-renderer-"));
const secretOutside = path.join(path.dirname(rendererDir), `locus-secret-${process.pid}.txt`);
const events = new EventHub();
const services = {
    events,
    dispatcher: new Dispatcher({ "chats.list": () => [{ id: "c1", title: "Hello", createdAt: 1, updatedAt: 1 }] } as unknown as Handlers)
} as unknown as Services;
const host = new BrowserHost({ services, rendererDir: (fs.writeFileSync(path.join(rendererDir, "index.html"), "<h1>Locus</h1>"), rendererDir), token: "secret-token" });
let base = "";

beforeAll(async () => {
    fs.writeFileSync(secretOutside, "do not serve");
    base = new URL(await host.listen()).origin;
});
afterAll(async () => {
    await host.close();
    fs.rmSync(rendererDir, { recursive: true, force: true });
    fs.rmSync(secretOutside, { force: true });
});

function get(urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; csp?: string }> {
    return new Promise((resolve, reject) => {
        const req = http.request(`${base}${urlPath}`, { headers }, (res) => {
            let body = "";
            res.on("data", (c) => (body += c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body, csp: res.headers["content-security-policy"] as string | undefined }));
        });
        req.on("error", reject);
        req.end();
    });
}

function connect(token: string, origin = base): Promise<WebSocket> {
    const ws = new WebSocket(`${base.replace("http", "ws")}/ws?token=${token}`, { origin });
    return new Promise((resolve, reject) => { ws.once("open", () => resolve(ws)); ws.once("error", reject); });
}

describe("BrowserHost", () => {
    it("listens on loopback only and serves the renderer with a strict CSP", async () => {
        expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const page = await get("/");
        expect(page).toMatchObject({ status: 200, body: "<h1>Locus</h1>" });
        expect(page.csp).toContain("default-src 'self'");
    });

    it("never serves files outside the renderer folder", async () => {
        const name = path.basename(secretOutside);
        for (const attempt of [`/../${name}`, `/%2e%2e/${name}`, `/..%2f${name}`, "/etc/passwd"])
            expect((await get(attempt)).status).toBe(404);
    });

    it("rejects requests for another host name (DNS rebinding)", async () => {
        expect((await get("/", { host: "evil.example" })).status).toBe(403);
    });

    it("closes a WebSocket with a wrong token before any call runs", async () => {
        const ws = await connect("wrong-token");
        const code = await new Promise<number>((resolve) => ws.once("close", (c) => resolve(c)));
        expect(code).toBe(UNAUTHORIZED_CLOSE_CODE);
    });

    it("refuses WebSocket upgrades from other origins", async () => {
        await expect(connect("secret-token", "http://evil.example")).rejects.toThrow();
    });

    it("answers contract calls and pushes events with the right token", async () => {
        const ws = await connect("secret-token");
        const messages: unknown[] = [];
        ws.on("message", (data) => messages.push(JSON.parse(data.toString())));
        ws.send(JSON.stringify({ type: "invoke", id: 7, method: "chats.list", args: {} }));
        ws.send(JSON.stringify({ type: "invoke", id: 8, method: "no.such", args: {} }));
        ws.send("not json");
        await expect.poll(() => messages.length).toBe(2);
        events.emit("chat.token", { chatId: "c1", messageId: "m1", text: "hi" });
        await expect.poll(() => messages.length).toBe(3);
        expect(messages).toContainEqual({ type: "result", id: 7, result: { ok: true, value: [{ id: "c1", title: "Hello", createdAt: 1, updatedAt: 1 }] } });
        expect(messages).toContainEqual(expect.objectContaining({ type: "result", id: 8, result: expect.objectContaining({ ok: false }) }));
        expect(messages).toContainEqual({ type: "event", event: "chat.token", payload: { chatId: "c1", messageId: "m1", text: "hi" } });
        ws.close();
    });
});
