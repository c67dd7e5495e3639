import type { ChatHistoryItem } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { fitHistory } from "../../../src-main/chat/generation/fitHistory.js";
import { searchSnippet } from "../../../src-main/chat/search/searchSnippet.js";

/** One "token" per word of every text in the history. */
const words = (items: ChatHistoryItem[]) => items.reduce((sum, item) => {
    const text = item.type === "model" ? item.response.join(" ") : typeof item.text === "string" ? item.text : "";
    return sum + text.split(/\s+/).filter(Boolean).length;
}, 0);

const history: ChatHistoryItem[] = [
    { type: "system", text: "sys" },
    { type: "user", text: "one two three" }, { type: "model", response: ["four five six"] },
    { type: "user", text: "seven eight" }, { type: "model", response: ["nine ten"] },
    { type: "user", text: "eleven" }, { type: "model", response: ["twelve"] }
];

describe("fitting a long chat into the context", () => {
    it("keeps everything when it fits", () => {
        expect(fitHistory(history, "q", 100, words)).toEqual({ history, leftOut: 0 });
    });

    it("leaves out the fewest oldest exchanges, never the system prompt, and starts with a question", () => {
        // Everything: 1 + 6 + 4 + 2 + 1 (question) = 14 words. A budget of 9 drops the first exchange only.
        const fitted = fitHistory(history, "q", 9, words);
        expect(fitted.leftOut).toBe(2);
        expect(fitted.history[0]).toEqual({ type: "system", text: "sys" });
        expect(fitted.history[1]).toEqual({ type: "user", text: "seven eight" });
        expect(fitHistory(history, "q", 4, words)).toMatchObject({ leftOut: 4 });
    });

    it("leaves out everything before the question when even the last exchange does not fit", () => {
        expect(fitHistory(history, "q", 1, words)).toEqual({ history: [history[0]], leftOut: 6 });
    });
});

describe("search snippets", () => {
    const text = `${"Lorem ipsum dolor sit amet. ".repeat(5)}The harbour turns DEEP TEAL in winter. ${"Consectetur adipiscing elit. ".repeat(5)}`;

    it("shows the text around the first word found, case and accents ignored, cut with ellipses", () => {
        const snippet = searchSnippet(text, "teal");
        expect(snippet).toMatch(/^…/);
        expect(snippet).toMatch(/…$/);
        expect(snippet).toContain("DEEP TEAL in winter");
        expect(searchSnippet("Un café près du port", "cafe")).toBe("Un café près du port");
    });

    it("falls back to the start of the text, on one line, when no word is found as written", () => {
        expect(searchSnippet("First line\nsecond   line", "zebra")).toBe("First line second line");
        expect(searchSnippet("x".repeat(300), "zebra")).toHaveLength(121);
    });
});
