import { TextCollector } from "../xml/TextCollector.js";
import { walkXml } from "../xml/walkXml.js";

/** Longest paragraph kept from a slide; a hostile text box of megabytes is cut here. */
const maxParagraphChars = 100_000;
/** Placeholders that repeat on every slide or hold no content of their own. */
const furniture = new Set(["sldNum", "dt", "ftr", "hdr", "sldImg"]);
const titleKinds = new Set(["title", "ctrTitle"]);

export interface SlideText {
    /** The title placeholder's text, when the slide has one. */
    title?: string;
    /** Every other paragraph (text boxes, bullets, table cells), in document order. */
    lines: string[];
}

/**
 * The text of one slide (or notes page) part: paragraphs (`a:p`) of its shapes and tables, the title
 * placeholder apart. Slide numbers, dates and footers are left out.
 */
export function slideText(xml: Buffer): SlideText {
    const lines: string[] = [];
    const titleParts: string[] = [];
    const paragraph = new TextCollector(maxParagraphChars);
    let placeholder: string | undefined;
    let inText = false;
    walkXml(xml, {
        open: (name, attributes) => {
            if (name === "p:sp") placeholder = undefined;
            else if (name === "p:ph") placeholder = attributes["type"] ?? "body";
            else if (name === "a:t") inText = true;
            else if (name === "a:br") paragraph.add(" ");
        },
        text: (text) => {
            if (inText) paragraph.add(text);
        },
        close: (name) => {
            if (name === "a:t") inText = false;
            else if (name === "p:sp") placeholder = undefined;
            else if (name === "a:p") {
                const line = paragraph.take().replace(/\s+/g, " ").trim();
                if (line === "" || (placeholder !== undefined && furniture.has(placeholder))) return;
                if (placeholder !== undefined && titleKinds.has(placeholder)) titleParts.push(line);
                else lines.push(line);
            }
        }
    });
    const title = titleParts.join(" ");
    return title === "" ? { lines } : { title, lines };
}
