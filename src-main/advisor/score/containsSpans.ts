/** Text reduced for comparing an answer with a span: case, accents, punctuation and digit grouping aside. */
export function normalizeAnswer(text: string): string {
    return ` ${text
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/(\d),(?=\d{3}\b)/g, "$1")
        .replace(/['’`]/g, "")
        .replace(/[^\p{L}\p{N}.]+/gu, " ")
        .replace(/\.(?!\d)/g, " ")
        .replace(/\s+/g, " ")
        .trim()} `;
}

/** Whether a generated answer states every span, as whole words. */
export function containsSpans(answer: string, spans: readonly string[]): boolean {
    const normalized = normalizeAnswer(answer);
    return spans.every((span) => {
        const target = normalizeAnswer(span).trim();
        return target !== "" && normalized.includes(` ${target} `);
    });
}
