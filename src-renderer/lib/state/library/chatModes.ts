import type { ChatMode } from "@common/contract";

/** The mode each chat was last used in, and the one the person chose last (new chats start there). */
export type ChatModes = { byChat: Record<string, ChatMode>; last: ChatMode };

/** Chats remembered at most; the oldest entries give way, since a forgotten one only falls back to "chat". */
export const maxRememberedChats = 500;

const isMode = (value: unknown): value is ChatMode => value === "chat" || value === "library";

export const emptyChatModes = (): ChatModes => ({ byChat: {}, last: "chat" });

/** Reads what was stored; anything malformed (edited by hand, an older version) is dropped, never thrown. */
export function parseChatModes(text: string | null): ChatModes {
    if (text === null) return emptyChatModes();
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch {
        return emptyChatModes();
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) return emptyChatModes();
    const { byChat, last } = value as Record<string, unknown>;
    const modes: Record<string, ChatMode> = {};
    if (typeof byChat === "object" && byChat !== null && !Array.isArray(byChat)) {
        for (const [chatId, mode] of Object.entries(byChat)) if (isMode(mode)) modes[chatId] = mode;
    }
    return { byChat: modes, last: isMode(last) ? last : "chat" };
}

/** The modes with one chat's set (it becomes the newest entry), keeping at most `limit` chats. */
export function withChatMode(modes: ChatModes, chatId: string, mode: ChatMode, limit = maxRememberedChats): ChatModes {
    const entries = Object.entries(modes.byChat).filter(([id]) => id !== chatId);
    entries.push([chatId, mode]);
    return { byChat: Object.fromEntries(entries.slice(-limit)), last: mode };
}

export function withoutChat(modes: ChatModes, chatId: string): ChatModes {
    const { [chatId]: _removed, ...rest } = modes.byChat;
    return { byChat: rest, last: modes.last };
}
