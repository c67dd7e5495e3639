/** "1 document", "1,024 tokens": a count and its noun, for messages people read. */
export function plural(count: number, noun: string): string {
    return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}
