import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lostConnectionError, unauthorizedError } from "../../../src-renderer/lib/transport/connectionStatus.js";
import { SocketTransport, unauthorizedCloseCode } from "../../../src-renderer/lib/transport/SocketTransport.js";

/** Just enough of a browser WebSocket for the transport: events in, sent frames recorded. */
class FakeSocket extends EventTarget {
    readonly sent: unknown[] = [];
    constructor(readonly url: string) {
        super();
    }
    send(data: string): void {
        this.sent.push(JSON.parse(data));
    }
    close(): void {}
    open(): void {
        this.dispatchEvent(new Event("open"));
    }
    receive(message: unknown): void {
        this.dispatchEvent(Object.assign(new Event("message"), { data: JSON.stringify(message) }));
    }
    drop(code = 1006): void {
        this.dispatchEvent(Object.assign(new Event("close"), { code }));
    }
}

function setup() {
    const sockets: FakeSocket[] = [];
    const transport = new SocketTransport("ws://127.0.0.1:1/ws?token=t", {
        createSocket: (url) => {
            const socket = new FakeSocket(url);
            sockets.push(socket);
            return socket as unknown as WebSocket;
        },
        retryDelay: () => 100
    });
    const latest = () => sockets.at(-1)!;
    return { transport, sockets, latest };
}

describe("SocketTransport", () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it("holds calls made while connecting and sends them once the socket opens", async () => {
        const { transport, latest } = setup();
        const call = transport.invoke("chats.list", {});
        expect(latest().sent).toEqual([]);
        latest().open();
        expect(latest().sent).toEqual([{ type: "invoke", id: 1, method: "chats.list", args: {} }]);
        latest().receive({ type: "result", id: 1, result: { ok: true, value: [] } });
        await expect(call).resolves.toEqual({ ok: true, value: [] });
    });

    it("passes events to subscribers without the wire tag", () => {
        const { transport, latest } = setup();
        const seen: unknown[] = [];
        transport.subscribe((message) => seen.push(message));
        latest().open();
        latest().receive({ type: "event", event: "chat.token", payload: { chatId: "c", messageId: "m", text: "hi" } });
        latest().receive({ type: "event", event: "not.an.event", payload: {} });
        latest().receive("garbage");
        expect(seen).toEqual([{ event: "chat.token", payload: { chatId: "c", messageId: "m", text: "hi" } }]);
    });

    it("fails pending calls with a readable error when the socket drops, then reconnects with backoff", async () => {
        const { transport, sockets, latest } = setup();
        const statuses: string[] = [];
        transport.onStatus((status) => statuses.push(status));
        latest().open();
        const call = transport.invoke("models.load", { modelId: "m" });
        latest().drop();
        await expect(call).resolves.toEqual({ ok: false, error: lostConnectionError });
        await expect(transport.invoke("chats.list", {})).resolves.toEqual({ ok: false, error: lostConnectionError });
        expect(sockets).toHaveLength(1);
        vi.advanceTimersByTime(100);
        expect(sockets).toHaveLength(2);
        latest().open();
        expect(statuses).toEqual(["open", "reconnecting", "open"]);
    });

    it("stops and reports an unauthorized status when the server refuses the token", async () => {
        const { transport, sockets, latest } = setup();
        const call = transport.invoke("app.info", {});
        latest().open();
        latest().drop(unauthorizedCloseCode);
        await expect(call).resolves.toEqual({ ok: false, error: unauthorizedError });
        expect(transport.status).toBe("unauthorized");
        vi.advanceTimersByTime(10_000);
        expect(sockets).toHaveLength(1);
    });
});
