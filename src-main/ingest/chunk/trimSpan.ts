/** The span without surrounding white space, or undefined when nothing else is left. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | undefined {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return end > start ? { start, end } : undefined;
}
