import type { AnswerFigures } from "@common/contract/chatTypes.js";

/** Times an answer: first token, tokens generated, thinking from its first to its last token. */
export class AnswerMeter {
    readonly #start = performance.now();
    #firstToken: number | null = null;
    #lastToken: number | null = null;
    #tokens = 0;
    #thinkingStart: number | null = null;
    #thinkingEnd: number | null = null;

    tokens(count: number, thinking: boolean): void {
        if (count <= 0) return;
        const now = performance.now();
        this.#firstToken ??= now;
        this.#lastToken = now;
        this.#tokens += count;
        if (thinking) {
            this.#thinkingStart ??= now;
            this.#thinkingEnd = now;
        }
    }

    /** Seconds spent thinking (null when the model did not think). */
    thinkingSeconds(): number | null {
        if (this.#thinkingStart === null || this.#thinkingEnd === null) return null;
        return Math.round((this.#thinkingEnd - this.#thinkingStart) / 100) / 10;
    }

    figures(): Pick<AnswerFigures, "firstTokenMs" | "tokens" | "tokensPerSecond"> {
        const first = this.#firstToken;
        const last = this.#lastToken;
        // The first token's time is the wait; the rate counts the tokens after it over the time they took.
        const rate = first !== null && last !== null && last > first && this.#tokens > 1 ? (this.#tokens - 1) / ((last - first) / 1000) : null;
        return {
            firstTokenMs: first === null ? null : Math.round(first - this.#start),
            tokens: this.#tokens,
            tokensPerSecond: rate === null ? null : Math.round(rate * 10) / 10
        };
    }
}
