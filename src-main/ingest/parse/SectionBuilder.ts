import type { ParsedSection } from "./types.js";

/** A section this long is cut at the next paragraph break, so no single string grows without bound. */
const maxSectionChars = 1_000_000;

/**
 * Collects text into sections split at headings, tracking the path of headings above each one
 * (a level-2 heading closes the previous level-2 and anything below it).
 */
export class SectionBuilder {
    readonly #headings: Array<{ level: number; text: string }> = [];
    readonly #sections: ParsedSection[] = [];
    #parts: string[] = [];
    #length = 0;
    #firstTopHeading: string | undefined;

    public constructor(
        /** Tidies a section's text before it is kept; "" drops the section. */
        private readonly normalize: (text: string) => string = normalizeBlankLines
    ) {}

    public append(text: string): void {
        this.#parts.push(text);
        this.#length += text.length;
    }

    /** A place where the text may be split (between paragraphs). */
    public paragraphBreak(): void {
        if (this.#length >= maxSectionChars) this.flush();
    }

    public heading(level: number, text: string): void {
        const title = text.replace(/\s+/g, " ").trim();
        if (title === "") return;
        this.flush();
        while ((this.#headings.at(-1)?.level ?? 0) >= level) this.#headings.pop();
        this.#headings.push({ level, text: title });
        if (level === 1) this.#firstTopHeading ??= title;
    }

    /** Ends the current section (if it has text) under the current headings. */
    public flush(): void {
        const text = this.normalize(this.#parts.join(""));
        this.#parts = [];
        this.#length = 0;
        if (text !== "") this.#sections.push({ text, headingPath: this.#headings.map((heading) => heading.text) });
    }

    public finish(): ParsedSection[] {
        this.flush();
        return this.#sections;
    }

    /** The first level-1 heading, a fallback title. */
    public get firstTopHeading(): string | undefined {
        return this.#firstTopHeading;
    }
}

/** Trims the ends, drops trailing spaces on lines and runs of more than one blank line. */
function normalizeBlankLines(text: string): string {
    return text
        .replace(/[ \t]+$/gm, "")
        .replace(/\n{3,}/g, "\n\n")
        .trim();
}
