import { afterEach, describe, expect, it } from "vitest";
import { parentPort } from "../../../src-main/workers/serveWorkerRequests.js";

type Fake = { posted: unknown[]; listeners: Array<(event: { data: unknown }) => void> };
const withPort = process as unknown as { parentPort?: unknown };

afterEach(() => {
    delete withPort.parentPort;
});

describe("a worker's channel to its parent", () => {
    it("is Electron's parentPort in a utility process: messages go out with postMessage and come in as event.data", () => {
        const fake: Fake = { posted: [], listeners: [] };
        withPort.parentPort = {
            postMessage: (message: unknown) => fake.posted.push(message),
            on: (_event: "message", listener: (event: { data: unknown }) => void) => {
                fake.listeners.push(listener);
            }
        };
        const port = parentPort();
        const received: unknown[] = [];
        port.onMessage((message) => received.push(message));
        port.send({ type: "ready" });
        for (const listener of fake.listeners) listener({ data: { type: "cancel" } });
        expect(fake.posted).toEqual([{ type: "ready" }]);
        expect(received).toEqual([{ type: "cancel" }]);
        // One channel per process: the trainer's cancel listener and the request loop share it.
        expect(parentPort()).toBe(port);
    });
});
