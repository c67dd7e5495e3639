import { describe, expect, it } from "vitest";
import { toLlamaHistory } from "../../../src-main/generation/toLlamaHistory.js";

describe("toLlamaHistory", () => {
    it("merges system messages at the top and ends with an empty response for the model to write", () => {
        expect(toLlamaHistory([
            { role: "system", text: "Be brief." }, { role: "user", text: "Hi" }, { role: "assistant", text: "Hello." },
            { role: "system", text: "Use British spelling." }, { role: "user", text: "Colour?" }
        ])).toEqual([
            { type: "system", text: "Be brief.\n\nUse British spelling." },
            { type: "user", text: "Hi" }, { type: "model", response: ["Hello."] },
            { type: "user", text: "Colour?" }, { type: "model", response: [] }
        ]);
    });

    it("joins a tool call and the tool message answering its id into one function call the model continues after", () => {
        expect(toLlamaHistory([
            { role: "user", text: "Weather in Oslo?" },
            { role: "assistant", text: "", toolCalls: [{ id: "call_1", name: "lookup_weather", arguments: "{\"city\":\"Oslo\"}" }] },
            { role: "tool", toolCallId: "call_1", text: "{\"sky\":\"clear\"}" }
        ])).toEqual([
            { type: "user", text: "Weather in Oslo?" },
            { type: "model", response: [{ type: "functionCall", name: "lookup_weather", params: { city: "Oslo" }, result: { sky: "clear" } }] }
        ]);
    });

    it("keeps a plain-text tool result as text, and continues an answer the client started", () => {
        const history = toLlamaHistory([
            { role: "user", text: "Time?" },
            { role: "assistant", text: "Let me check.", toolCalls: [{ id: "a", name: "now", arguments: "" }] },
            { role: "tool", toolCallId: "a", text: "noon" },
            { role: "user", text: "Say it in French." },
            { role: "assistant", text: "Il est" }
        ]);
        expect(history[1]).toEqual({ type: "model", response: ["Let me check.", { type: "functionCall", name: "now", params: undefined, result: "noon" }] });
        expect(history.at(-1)).toEqual({ type: "model", response: ["Il est"] });
    });

    it("refuses earlier tool-call arguments that are not JSON, naming the function", () => {
        expect(() => toLlamaHistory([
            { role: "user", text: "x" }, { role: "assistant", text: "", toolCalls: [{ id: "a", name: "lookup", arguments: "{city: Oslo}" }] }
        ])).toThrow(/"lookup" are not valid JSON/);
    });
});
