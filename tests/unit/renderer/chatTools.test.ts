import { describe, expect, it } from "vitest";
import { describeAnswerFigures, describeThinking } from "../../../src-renderer/lib/format/describeAnswer.js";
import { draftOf, parseSamplingDraft } from "../../../src-renderer/lib/state/chat/samplingForm.js";
import { shortcutFor, shortcuts, type KeyPress } from "../../../src-renderer/lib/state/chat/shortcuts.js";

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress =>
    ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, inTextField: false, ...extra });

describe("keyboard shortcuts", () => {
    it("map the listed keys to their actions, with Cmd on a Mac and Ctrl elsewhere", () => {
        expect(shortcutFor(press("n", { ctrlKey: true }), false)).toBe("new-chat");
        expect(shortcutFor(press("O", { ctrlKey: true, shiftKey: true }), false)).toBe("new-chat");
        expect(shortcutFor(press("n", { metaKey: true }), true)).toBe("new-chat");
        expect(shortcutFor(press("n", { ctrlKey: true }), true)).toBeNull();
        expect(shortcutFor(press("k", { ctrlKey: true, inTextField: true }), false)).toBe("search");
        expect(shortcutFor(press("R", { ctrlKey: true, shiftKey: true, inTextField: true }), false)).toBe("regenerate");
        expect(shortcutFor(press("Escape", { shiftKey: true, inTextField: true }), false)).toBe("focus-composer");
        expect(shortcutFor(press("/", { ctrlKey: true }), false)).toBe("help");
    });

    it("leave plain Esc to the views, and / and ? to text fields, where they are typed", () => {
        expect(shortcutFor(press("Escape"), false)).toBeNull();
        expect(shortcutFor(press("/"), false)).toBe("focus-composer");
        expect(shortcutFor(press("?", { shiftKey: true }), false)).toBe("help");
        expect(shortcutFor(press("/", { inTextField: true }), false)).toBeNull();
        expect(shortcutFor(press("?", { shiftKey: true, inTextField: true }), false)).toBeNull();
        expect(shortcutFor(press("r", { ctrlKey: true }), false)).toBeNull();
        expect(shortcutFor(press("k", { ctrlKey: true, altKey: true }), false)).toBeNull();
    });

    it("are all listed in the help panel with their keys", () => {
        expect(shortcuts.map((s) => s.action).sort()).toEqual(["focus-composer", "help", "new-chat", "regenerate", "search", "stop"]);
        expect(shortcuts.find((s) => s.action === "search")!.keys(true)).toBe("⌘K");
        expect(shortcuts.find((s) => s.action === "search")!.keys(false)).toBe("Ctrl+K");
    });
});

describe("the sampling form", () => {
    it("turns typed values into settings, leaving empty fields to the defaults", () => {
        const draft = { ...draftOf(null), temperature: " 0.4 ", topK: "20", seed: "7" };
        expect(parseSamplingDraft(draft)).toEqual({ sampling: { temperature: 0.4, topK: 20, seed: 7 }, problems: {} });
        expect(draftOf({ temperature: 0.4, seed: null })).toMatchObject({ temperature: "0.4", seed: "" });
    });

    it("names the field and its range for a value out of range or not a number", () => {
        const { sampling, problems } = parseSamplingDraft({ ...draftOf(null), temperature: "3", topK: "2.5", minP: "abc", maxTokens: "64" });
        expect(sampling).toEqual({ maxTokens: 64 });
        expect(problems).toEqual({
            temperature: "Temperature must be between 0 and 2.",
            topK: "Top-k must be a whole number between 0 and 500.",
            minP: "Min-p must be between 0 and 1."
        });
    });
});

describe("answer figures in words", () => {
    it("say how fast, how long, and whether the library or an adapter was used", () => {
        expect(describeAnswerFigures({ firstTokenMs: 420, tokensPerSecond: 18.54, tokens: 42, mode: "library", sources: 2, adapter: "notes-v1", leftOut: 4 }))
            .toEqual(["0.4 s to first token", "18.5 tokens/s", "42 tokens", "from your library (2 sources)", "adapter notes-v1", "4 earlier messages left out"]);
        expect(describeAnswerFigures({ firstTokenMs: null, tokensPerSecond: null, tokens: 1, mode: "chat" })).toEqual(["1 token"]);
    });

    it("fold thinking under a title with its time and length", () => {
        expect(describeThinking({ text: "a b c", seconds: 3.21 }, false)).toBe("Thought for 3.2 s · 3 words");
        expect(describeThinking({ text: "a", seconds: null }, true)).toBe("Thinking…");
    });
});
