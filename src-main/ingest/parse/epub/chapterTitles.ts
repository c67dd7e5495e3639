import { posix } from "node:path";
import { localName, partPath } from "../ooxml/relationships.js";
import { TextCollector } from "../xml/TextCollector.js";
import { walkXml } from "../xml/walkXml.js";

/**
 * Chapter names from an e-book's table of contents: content part -> the first label pointing at it.
 * EPUB 3 navigation documents (`<a href>` in the `nav`) and EPUB 2 NCX files (`navLabel` then `content src`).
 */
export function chapterTitles(toc: { part: string; kind: "nav" | "ncx" }, xml: Buffer): Map<string, string> {
    const folder = posix.dirname(toc.part);
    const titles = new Map<string, string>();
    const label = new TextCollector(300);
    let collecting = false;
    let pending: string | undefined;
    let href: string | undefined;
    const keep = (target: string | undefined, text: string | undefined): void => {
        const name = text?.replace(/\s+/g, " ").trim();
        if (target === undefined || !name) return;
        const part = partPath(folder, target);
        if (!titles.has(part)) titles.set(part, name);
    };
    walkXml(xml, {
        open: (name, attributes) => {
            const tag = localName(name);
            if (toc.kind === "nav" && tag === "a") {
                href = attributes["href"];
                collecting = true;
            } else if (toc.kind === "ncx" && tag === "text") collecting = true;
            else if (toc.kind === "ncx" && tag === "content") keep(attributes["src"], pending);
        },
        text: (text) => {
            if (collecting) label.add(text);
        },
        close: (name) => {
            const tag = localName(name);
            if (toc.kind === "nav" && tag === "a") {
                keep(href, label.take());
                collecting = false;
            } else if (toc.kind === "ncx" && tag === "text") {
                pending = label.take();
                collecting = false;
            }
        }
    });
    return titles;
}
