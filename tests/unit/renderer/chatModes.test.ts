import { describe, expect, it } from "vitest";
import { parseChatModes, withChatMode, withoutChat } from "../../../src-renderer/lib/state/library/chatModes.js";

describe("chat modes", () => {
    it("reads back what was stored and drops anything malformed", () => {
        expect(parseChatModes(null)).toEqual({ byChat: {}, last: "chat" });
        expect(parseChatModes("not json")).toEqual({ byChat: {}, last: "chat" });
        expect(parseChatModes(JSON.stringify({ byChat: { a: "library", b: "shell", c: 3 }, last: "library" }))).toEqual({
            byChat: { a: "library" }, last: "library"
        });
        expect(parseChatModes("[1,2]")).toEqual({ byChat: {}, last: "chat" });
    });

    it("remembers each chat's mode as the latest choice and forgets the oldest chats past the limit", () => {
        let modes = parseChatModes(null);
        modes = withChatMode(modes, "a", "library", 2);
        modes = withChatMode(modes, "b", "chat", 2);
        expect(modes.last).toBe("chat");
        modes = withChatMode(modes, "c", "library", 2);
        expect(modes.byChat).toEqual({ b: "chat", c: "library" });
        expect(withoutChat(modes, "c").byChat).toEqual({ b: "chat" });
    });
});
