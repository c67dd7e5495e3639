import { splitSentences } from "./attributeCitations.js";

/**
 * Removes sentences that repeat one already written (small models can loop on a sentence until the token
 * limit), and a last fragment that the token limit cut off after such a loop.
 */
export function dropRepeatedSentences(text: string): string {
    const seen = new Set<string>();
    const kept: string[] = [];
    let dropped = false;
    for (const sentence of splitSentences(text)) {
        const key = sentence.replace(/\s*\[[\d,\s]+\]/g, "").replace(/\s+/g, " ").trim().toLowerCase();
        if (key !== "" && seen.has(key)) {
            dropped = true;
            continue;
        }
        // A fragment that starts like a sentence already written is the loop cut short.
        if (dropped && key !== "" && [...seen].some((earlier) => earlier.startsWith(key))) continue;
        if (key !== "") seen.add(key);
        kept.push(sentence);
    }
    return dropped ? kept.join("").replace(/\s+$/, "") : text;
}
