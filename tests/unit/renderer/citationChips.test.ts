import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { renderAnswer } from "../../../src-renderer/lib/markdown/renderAnswer.js";
import { createLinkedomPurify } from "./linkedomPurify.js";

const purify = createLinkedomPurify();
const inert = (parseHTML("<!doctype html><html><head></head><body></body></html>") as unknown as { document: Document }).document;
const labels = new Map([
    [1, "report.pdf, page 3"],
    [2, "notes.md, Methods › Sampling"]
]);
const render = (source: string, citations: ReadonlyMap<number, string> = labels) => renderAnswer(source, citations, purify, inert);

/** The rendered HTML parsed again, as the page would hold it. */
function parse(html: string): HTMLElement {
    const container = inert.createElement("div");
    container.innerHTML = html;
    return container;
}

/** The chips in rendered HTML, as `number:text` in document order. */
function chips(html: string): string[] {
    return [...parse(html).querySelectorAll("button")].map((button) => `${button.getAttribute("data-number")}:${button.textContent}`);
}

describe("citation chips", () => {
    it("turn each cited [n] into a button carrying its number, and keep the text around it", () => {
        const html = render("Revenue grew [1]. Costs fell [2], as planned.");
        expect(chips(html)).toEqual(["1:1", "2:2"]);
        expect(html).toContain("Revenue grew ");
        expect(html).toContain(", as planned.");
        const chip = parse(html).querySelector("button")!;
        expect(chip.getAttribute("type")).toBe("button");
        expect(chip.getAttribute("class")).toBe("citation");
        expect(chip.getAttribute("data-testid")).toBe("citation");
        expect(chip.getAttribute("aria-label")).toBe("Source 1: report.pdf, page 3");
    });

    it("split a grouped marker [1, 2] into one chip per source", () => {
        expect(chips(render("Both agree [1, 2]."))).toEqual(["1:1", "2:2"]);
    });

    it("leave [99] as text when the answer has no source 99", () => {
        const html = render("See [99] and [1].");
        expect(chips(html)).toEqual(["1:1"]);
        expect(html).toContain("See [99] and ");
    });

    it("keep an unknown number of a group as text next to the known one", () => {
        const html = render("Mixed [1, 99].");
        expect(chips(html)).toEqual(["1:1"]);
        expect(html).toContain("[99]");
    });

    it("make no chips for a message without citations", () => {
        const html = render("Plain [1] text.", new Map());
        expect(chips(html)).toEqual([]);
        expect(html).toContain("Plain [1] text.");
    });

    it("never touch [1] inside inline code or a code block", () => {
        const html = render("Use `arr[1]` here.\n\n```\nconst x = list[1];\n```\n\nBut this counts [1].");
        expect(chips(html)).toEqual(["1:1"]);
        expect(html).toContain("<code>arr[1]</code>");
        expect(html).toContain("const x = list[1];");
    });

    it("never put a chip inside a link", () => {
        const html = render("[see [1] there](https://example.org) and [2]");
        expect(chips(html)).toEqual(["2:2"]);
        expect(html).toMatch(/<a [^>]*>see \[1\] there<\/a>/);
    });

    it("keep HTML in the answer escaped, next to chips and inside the marker's neighbours", () => {
        const html = render('<img src=x onerror="alert(1)">[1]<script>alert(2)</script> <b>bold</b>[2]');
        expect(chips(html)).toEqual(["1:1", "2:2"]);
        expect(html).not.toMatch(/<img|<script|<b>/i);
        expect(parse(html).querySelectorAll("img, script, b")).toHaveLength(0);
        expect(html).toContain("&lt;img src=x onerror=\"alert(1)\"&gt;");
        expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
        expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    });

    it("escape a hostile document name in the chip's label", () => {
        const hostile = new Map([[1, '"><img src=x onerror=alert(1)>']]);
        const page = parse(render("Cited [1].", hostile));
        expect(page.querySelectorAll("img")).toHaveLength(0);
        expect(page.querySelectorAll("button")).toHaveLength(1);
        expect(page.querySelector("button")!.getAttribute("title")).toBe('"><img src=x onerror=alert(1)>');
    });

    it("leave a Markdown link whose text is a number a link, not a chip", () => {
        const html = render("A [1](https://example.org) link and [2] real.");
        expect(html).toMatch(/<a [^>]*>1<\/a>/);
        expect(chips(html)).toEqual(["2:2"]);
    });
});
