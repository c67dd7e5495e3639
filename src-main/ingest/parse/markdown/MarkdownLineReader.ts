import type { SectionBuilder } from "../SectionBuilder.js";

const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const setextUnderline = /^ {0,3}(=+|-+)[ \t]*$/;
const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;
/** Lines that start a list item, quote or table row cannot be a setext heading's text. */
const notParagraphText = /^ {0,3}([-*+>|]|\d+[.)])(\s|$)/;
/** YAML front matter longer than this is not front matter; its lines are read as text. */
const maxFrontMatterLines = 200;

/**
 * Feeds Markdown lines to a SectionBuilder, turning headings into section breaks. Headings inside
 * fenced code blocks are code, not headings. YAML front matter is dropped except for its title.
 * One line is held back, since "Title" followed by "=====" is a heading only once both are seen.
 */
export class MarkdownLineReader {
    #pending: string | undefined;
    #pendingStartsParagraph = false;
    #afterBreak = true;
    #fence: { char: string; length: number } | undefined;
    #frontMatter: string[] | undefined;
    #lineCount = 0;
    #frontMatterTitle: string | undefined;

    public constructor(private readonly builder: SectionBuilder) {}

    public get frontMatterTitle(): string | undefined {
        return this.#frontMatterTitle;
    }

    public line(line: string): void {
        this.#lineCount++;
        if (this.#lineCount === 1 && line.trim() === "---") {
            this.#frontMatter = [];
            return;
        }
        if (this.#frontMatter !== undefined) return this.#frontMatterLine(line);
        if (this.#fence !== undefined) return this.#fencedLine(line);
        const underline = setextUnderline.exec(line);
        if (underline !== null && this.#pending !== undefined && this.#pendingStartsParagraph) {
            this.builder.heading(underline[1]?.startsWith("=") ? 1 : 2, this.#pending);
            this.#pending = undefined;
            this.#afterBreak = true;
            return;
        }
        this.#flushPending();
        const heading = atxHeading.exec(line);
        const fence = fenceOpen.exec(line)?.[1];
        if (heading !== null) {
            this.builder.heading(heading[1]?.length ?? 1, heading[2] ?? "");
            this.#afterBreak = true;
        } else if (fence !== undefined) {
            this.#fence = { char: fence.charAt(0), length: fence.length };
            this.builder.append(`${line}\n`);
        } else if (line.trim() === "") {
            this.builder.append("\n");
            this.builder.paragraphBreak();
            this.#afterBreak = true;
        } else {
            this.#pending = line;
            this.#pendingStartsParagraph = this.#afterBreak && !notParagraphText.test(line);
            this.#afterBreak = false;
        }
    }

    public end(): void {
        if (this.#frontMatter !== undefined) this.#replayFrontMatter();
        this.#flushPending();
    }

    #flushPending(): void {
        if (this.#pending !== undefined) this.builder.append(`${this.#pending}\n`);
        this.#pending = undefined;
    }

    #fencedLine(line: string): void {
        this.builder.append(`${line}\n`);
        const fence = this.#fence;
        const closing = fenceOpen.exec(line)?.[1];
        if (fence && closing?.charAt(0) === fence.char && closing.length >= fence.length && line.trim() === closing) {
            this.#fence = undefined;
            this.#afterBreak = true;
        }
    }

    #frontMatterLine(line: string): void {
        const lines = this.#frontMatter ?? [];
        if (line.trim() === "---" || line.trim() === "...") {
            const title = lines.map((entry) => /^title:\s*(.+?)\s*$/.exec(entry)?.[1]).find((value) => value !== undefined);
            const unquoted = title?.replace(/^(["'])(.*)\1$/, "$2").trim();
            if (unquoted) this.#frontMatterTitle = unquoted;
            this.#frontMatter = undefined;
            return;
        }
        lines.push(line);
        if (lines.length > maxFrontMatterLines) this.#replayFrontMatter();
    }

    /** It was not front matter after all: read its lines as ordinary Markdown. */
    #replayFrontMatter(): void {
        const lines = this.#frontMatter ?? [];
        this.#frontMatter = undefined;
        this.builder.append("---\n");
        this.#afterBreak = false;
        for (const line of lines) this.line(line);
    }
}
