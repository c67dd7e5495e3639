import { describe, expect, it } from "vitest";
import { GenerationTurns, type TurnLane } from "../../../src-main/engine/GenerationTurns.js";
import { QueueFullError } from "../../../src-main/engine/QueueFullError.js";

/** A section that runs until released, recording the order sections start in. */
function gate(order: string[], name: string) {
    let open!: () => void;
    const released = new Promise<void>((resolve) => (open = resolve));
    return { section: async () => { order.push(name); await released; return name; }, open: () => open() };
}

describe("GenerationTurns", () => {
    it("runs one generation at a time, in call order within a lane", async () => {
        const turns = new GenerationTurns();
        const order: string[] = [];
        const a = gate(order, "a"), b = gate(order, "b");
        const ra = turns.run("api", a.section);
        const rb = turns.run("api", b.section);
        await Promise.resolve();
        expect(order).toEqual(["a"]);
        a.open();
        await expect(ra).resolves.toBe("a");
        await expect.poll(() => order).toEqual(["a", "b"]);
        b.open();
        await rb;
        expect(turns.busy).toBe(false);
    });

    it("alternates lanes so the app's chat waits behind at most one API request however many are queued", async () => {
        const turns = new GenerationTurns();
        const order: string[] = [];
        const gates = new Map<string, ReturnType<typeof gate>>();
        const start = (lane: TurnLane, name: string) => {
            const g = gate(order, name);
            gates.set(name, g);
            return turns.run(lane, g.section);
        };
        const runs = [start("api", "api1"), start("api", "api2"), start("api", "api3"), start("app", "app1")];
        for (const name of ["api1", "app1", "api2", "api3"]) {
            await expect.poll(() => order.at(-1)).toBe(name);
            gates.get(name)!.open();
        }
        await Promise.all(runs);
        expect(order).toEqual(["api1", "app1", "api2", "api3"]);
    });

    it("refuses a request at once when its lane is full, saying when to retry", async () => {
        const turns = new GenerationTurns({ maxWaiting: 1, retryAfterSeconds: 3 });
        const order: string[] = [];
        const a = gate(order, "a"), b = gate(order, "b");
        const ra = turns.run("api", a.section);
        const rb = turns.run("api", b.section);
        const refused = turns.run("api", async () => "c");
        await expect(refused).rejects.toBeInstanceOf(QueueFullError);
        await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 3, kind: "busy" });
        // The other lane has its own room: the app's chat is never refused because API clients flood the queue.
        const app = turns.run("app", async () => "app");
        a.open();
        b.open();
        await expect(Promise.all([ra, rb, app])).resolves.toEqual(["a", "b", "app"]);
    });

    it("a request aborted while waiting leaves the queue without running", async () => {
        const turns = new GenerationTurns();
        const order: string[] = [];
        const a = gate(order, "a");
        const ra = turns.run("api", a.section);
        const controller = new AbortController();
        let ran = false;
        const rb = turns.run("api", async () => { ran = true; }, controller.signal);
        expect(turns.waiting("api")).toBe(1);
        controller.abort(new Error("client went away"));
        await expect(rb).rejects.toThrow("client went away");
        expect(turns.waiting("api")).toBe(0);
        a.open();
        await ra;
        expect(ran).toBe(false);
        expect(turns.busy).toBe(false);
    });

    it("a failing section frees the turn for the next", async () => {
        const turns = new GenerationTurns();
        const first = turns.run("app", async () => { throw new Error("model failed"); });
        const second = turns.run("api", async () => "ok");
        await expect(first).rejects.toThrow("model failed");
        await expect(second).resolves.toBe("ok");
    });
});
