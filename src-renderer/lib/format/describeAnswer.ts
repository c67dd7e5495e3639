import type { AnswerFigures, SamplingSource, Thinking } from "@common/contract";

function plural(count: number, unit: string): string {
    return `${count.toLocaleString("en-US")} ${unit}${count === 1 ? "" : "s"}`;
}

/** The discreet line under an answer: "0.4 s to first token · 18.5 tokens/s · 42 tokens · from your library (3 sources)". */
export function describeAnswerFigures(figures: AnswerFigures): string[] {
    const parts: string[] = [];
    if (figures.firstTokenMs !== null) parts.push(`${(figures.firstTokenMs / 1000).toFixed(figures.firstTokenMs < 10_000 ? 1 : 0)} s to first token`);
    if (figures.tokensPerSecond !== null) parts.push(`${figures.tokensPerSecond.toFixed(1)} tokens/s`);
    parts.push(plural(figures.tokens, "token"));
    if (figures.mode === "library") parts.push(figures.sources === undefined ? "from your library" : `from your library (${plural(figures.sources, "source")})`);
    if (figures.adapter) parts.push(`adapter ${figures.adapter}`);
    if (figures.leftOut) parts.push(`${plural(figures.leftOut, "earlier message")} left out`);
    return parts;
}

/** The fold's title: "Thinking…" while it streams, then "Thought for 3.2 s · 45 words". */
export function describeThinking(thinking: Thinking, live: boolean): string {
    if (live) return "Thinking…";
    const words = thinking.text.split(/\s+/).filter(Boolean).length;
    const time = thinking.seconds === null ? "Thought" : `Thought for ${thinking.seconds.toFixed(1)} s`;
    return `${time} · ${plural(words, "word")}`;
}

/** Where a sampling value came from, in words. */
export function describeSamplingSource(source: SamplingSource): string {
    switch (source) {
        case "chat": return "this chat";
        case "settings": return "Settings";
        case "model": return "the model file";
        case "library": return "library answers";
        case "locus": return "Locus default";
    }
}
