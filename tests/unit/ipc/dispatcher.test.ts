import { describe, expect, it, vi } from "vitest";
import { NotFoundError } from "../../../src-main/common/errors.js";
import { Dispatcher, type Handlers } from "../../../src-main/ipc/Dispatcher.js";

function handlers(overrides: Partial<Handlers> = {}): Handlers {
    const unused = () => { throw new Error("not called in this test"); };
    const base = Object.fromEntries(
        ["app.info", "models.list", "models.addWithDialog", "models.addFromPath", "models.remove", "models.load",
            "models.unload", "models.status", "chats.list", "chats.create", "chats.get", "chats.rename", "chats.delete",
            "chats.send", "chats.stop"].map((name) => [name, unused])
    ) as unknown as Handlers;
    return { ...base, ...overrides };
}

describe("Dispatcher", () => {
    it("rejects unknown methods without calling anything", async () => {
        const result = await new Dispatcher(handlers()).dispatch("fs.readFile", { path: "/etc/passwd" });
        expect(result).toMatchObject({ ok: false, error: { kind: "invalid-input" } });
    });

    it("names the failing field when arguments do not match the schema", async () => {
        const rename = vi.fn();
        const result = await new Dispatcher(handlers({ "chats.rename": rename })).dispatch("chats.rename", { chatId: "a", title: "" });
        expect(rename).not.toHaveBeenCalled();
        expect(result).toMatchObject({ ok: false, error: { kind: "invalid-input" } });
        if (!result.ok) expect(result.error.message).toContain("title");
    });

    it("rejects extra fields and ids that are not ids (no paths or SQL through ids)", async () => {
        const d = new Dispatcher(handlers({ "chats.get": () => { throw new Error("reached"); } }));
        expect((await d.dispatch("chats.get", { chatId: "../../etc/passwd" })).ok).toBe(false);
        expect((await d.dispatch("chats.get", { chatId: "x' OR 1=1 --" })).ok).toBe(false);
        expect((await d.dispatch("chats.list", { sql: "DROP TABLE chats" })).ok).toBe(false);
    });

    it("returns errors as data with their kind", async () => {
        const d = new Dispatcher(handlers({ "chats.get": () => { throw new NotFoundError("That chat no longer exists."); } }));
        expect(await d.dispatch("chats.get", { chatId: "abc" })).toEqual({
            ok: false, error: { kind: "not-found", message: "That chat no longer exists.", name: "NotFoundError" }
        });
    });

    it("refuses methods a host does not offer, such as typed paths in Electron", async () => {
        const add = vi.fn();
        const d = new Dispatcher(handlers({ "models.addFromPath": add }), { refuse: new Set(["models.addFromPath"]) });
        expect(await d.dispatch("models.addFromPath", { path: "/tmp/x.gguf" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
        expect(add).not.toHaveBeenCalled();
    });

    it("passes validated input to the handler and wraps the value", async () => {
        const d = new Dispatcher(handlers({ "chats.rename": ({ chatId, title }) => ({ id: chatId, title, createdAt: 1, updatedAt: 2 }) }));
        expect(await d.dispatch("chats.rename", { chatId: "c1", title: "  Trips  " })).toEqual({
            ok: true, value: { id: "c1", title: "Trips", createdAt: 1, updatedAt: 2 }
        });
    });
});
