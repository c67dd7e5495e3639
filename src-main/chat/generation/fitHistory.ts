import type { ChatHistoryItem } from "node-llama-cpp";

/** The conversation as it will be sent, and how many earlier messages were left out to make it fit. */
export type FittedHistory = { history: ChatHistoryItem[]; leftOut: number };

/**
 * Leaves out the oldest exchanges (never the system prompt) until the conversation, the new question and
 * room for the answer fit in `budget` tokens. `count` measures a whole history in the model's own template
 * and tokens; the fewest exchanges are dropped (binary search: a few counts even for a long chat). When
 * even the question alone does not fit, everything before it is left out and node-llama-cpp's context
 * shift does the rest.
 */
export function fitHistory(history: readonly ChatHistoryItem[], question: string, budget: number, count: (items: ChatHistoryItem[]) => number): FittedHistory {
    const system = history[0]?.type === "system" ? [history[0]] : [];
    const turns = history.slice(system.length);
    const withQuestion = (kept: readonly ChatHistoryItem[]): ChatHistoryItem[] =>
        [...system, ...kept, { type: "user", text: question }, { type: "model", response: [] }];
    const fits = (from: number) => count(withQuestion(turns.slice(from))) <= budget;
    if (fits(0)) return { history: [...system, ...turns], leftOut: 0 };
    // Cut points fall before a user message, so the kept part starts with a question, as chat templates expect.
    const cuts = turns.flatMap((item, index) => (item.type === "user" && index > 0 ? [index] : [])).concat(turns.length);
    let low = 0;
    let high = cuts.length - 1;
    while (low < high) {
        const middle = Math.floor((low + high) / 2);
        if (fits(cuts[middle]!)) high = middle;
        else low = middle + 1;
    }
    const start = cuts[low]!;
    return { history: [...system, ...turns.slice(start)], leftOut: turns.slice(0, start).length };
}
