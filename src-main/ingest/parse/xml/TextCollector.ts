/**
 * Text gathered a piece at a time with a ceiling: past `maxChars` further pieces are dropped, so a
 * hostile cell or paragraph of hundreds of megabytes never becomes one string.
 */
export class TextCollector {
    #parts: string[] = [];
    #length = 0;

    public constructor(private readonly maxChars: number) {}

    public add(text: string): void {
        if (this.#length >= this.maxChars) return;
        const piece = text.length + this.#length > this.maxChars ? text.slice(0, this.maxChars - this.#length) : text;
        this.#parts.push(piece);
        this.#length += piece.length;
    }

    public get length(): number {
        return this.#length;
    }

    /** The text so far, and a fresh start. */
    public take(): string {
        const text = this.#parts.join("");
        this.#parts = [];
        this.#length = 0;
        return text;
    }
}
