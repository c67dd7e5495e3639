import { TextCollector } from "../xml/TextCollector.js";
import { walkXml } from "../xml/walkXml.js";

/** The title in an OpenDocument's meta.xml (or an EPUB's package metadata): the first `dc:title`. */
export function metaTitle(xml: Buffer | undefined): string | undefined {
    if (xml === undefined) return undefined;
    const title = new TextCollector(1_000);
    let depth = 0;
    let found: string | undefined;
    walkXml(xml, {
        open: (name) => {
            if (found === undefined && name === "dc:title") depth++;
        },
        text: (text) => {
            if (depth > 0) title.add(text);
        },
        close: (name) => {
            if (name !== "dc:title" || depth === 0) return;
            depth--;
            found = title.take().replace(/\s+/g, " ").trim() || undefined;
        }
    });
    return found;
}
