import type { Events } from "../../../src-main/common/contract/events.js";
import type { SendResult } from "../../../src-main/common/contract/methods.js";
import type { ChatSummary } from "../../../src-main/common/contract/types.js";
import type { Random } from "../../fuzz/Random.js";
import type { ChildApp } from "./ChildApp.js";

const questions = ["What does the harbour ledger say about the ferry?", "Summarise the copper archive.", "Which beacon is near the glacier?",
    "Tell me about the orchard and the lantern.", "What is the number in the violet signal note?"];

/** Answers streaming one after another, in chat and library modes, until the run is killed. */
export async function runChat(app: ChildApp, random: Random, keepGoing: () => boolean): Promise<void> {
    const chats = await app.call<ChatSummary[]>("chats.list");
    const chat = chats[0] ?? (await app.call<ChatSummary>("chats.create", { title: "Soak" }));
    while (keepGoing()) {
        const ended = new Promise<Events["chat.done"]>((resolve) => {
            const off = app.on<Events["chat.done"]>("chat.done", (done) => {
                if (done.chatId === chat.id) {
                    off();
                    resolve(done);
                }
            });
        });
        const sent = await app.call<SendResult>("chats.send", { chatId: chat.id, text: random.pick(questions), mode: random.chance(0.5) ? "chat" : "library" });
        app.emit({ t: "answer", messageId: sent.assistantMessageId, state: "started", chars: 0 });
        await ended;
        const message = (await app.call<{ messages: { id: string; content: string }[] }>("chats.get", { chatId: chat.id }))
            .messages.find((candidate) => candidate.id === sent.assistantMessageId);
        app.emit({ t: "answer", messageId: sent.assistantMessageId, state: "ended", chars: message?.content.length ?? 0 });
    }
}
