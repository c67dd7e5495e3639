import { Parser } from "htmlparser2";

/** What a reader of one XML part listens for; names arrive as written, prefix included ("a:t"). */
export interface XmlListener {
    open?(name: string, attributes: Readonly<Record<string, string>>): void;
    text?(text: string): void;
    close?(name: string): void;
}

/**
 * Deepest nesting accepted. Office and e-book XML stays within a few dozen levels; the tokenizer's tag
 * stack costs time in proportion to its depth at every tag, so a hostile part a million levels deep
 * would take minutes without this cut-off (at 1,000 levels it costs nothing noticeable).
 */
export const maxXmlDepth = 1_000;

/**
 * Streams an XML part through htmlparser2's tokenizer in XML mode: entities decoded, no DTD or external
 * entity ever loaded, and no tree built. Throws when elements nest deeper than `maxXmlDepth`.
 */
export function walkXml(xml: string | Buffer, listener: XmlListener): void {
    let depth = 0;
    const parser = new Parser(
        {
            onopentag: (name, attributes) => {
                if (++depth > maxXmlDepth) throw new Error(`its XML nests deeper than ${maxXmlDepth.toLocaleString("en-US")} levels`);
                listener.open?.(name, attributes);
            },
            ontext: (text) => listener.text?.(text),
            onclosetag: (name) => {
                depth--;
                listener.close?.(name);
            }
        },
        { xmlMode: true, decodeEntities: true }
    );
    parser.end(typeof xml === "string" ? xml : xml.toString("utf8"));
}
