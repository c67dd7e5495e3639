import { posix } from "node:path";
import { metaTitle } from "../opendocument/metaTitle.js";
import { localName, partPath } from "../ooxml/relationships.js";
import { walkXml } from "../xml/walkXml.js";

export interface EpubPackage {
    title?: string;
    /** Content documents in reading order (part names inside the archive). */
    spine: string[];
    /** The navigation document (EPUB 3) or NCX table of contents (EPUB 2), when there is one. */
    toc?: { part: string; kind: "nav" | "ncx" };
}

const contentTypes = new Set(["application/xhtml+xml", "text/html"]);

/** Where the package document is (META-INF/container.xml), or undefined when the e-book has none. */
export function packagePath(container: Buffer | undefined): string | undefined {
    if (container === undefined) return undefined;
    let path: string | undefined;
    walkXml(container, {
        open: (name, attributes) => {
            if (path === undefined && localName(name) === "rootfile" && attributes["full-path"]) path = partPath("", attributes["full-path"]);
        }
    });
    return path;
}

/** The package document (.opf): title, the reading order of its XHTML content, and its table of contents. */
export function readPackage(opfPath: string, opf: Buffer): EpubPackage {
    const folder = posix.dirname(opfPath);
    const items = new Map<string, { part: string; type: string; properties: string }>();
    const order: string[] = [];
    let ncxId: string | undefined;
    walkXml(opf, {
        open: (name, attributes) => {
            const tag = localName(name);
            if (tag === "item" && attributes["id"] !== undefined && attributes["href"] !== undefined) {
                items.set(attributes["id"], { part: partPath(folder, attributes["href"]), type: attributes["media-type"] ?? "", properties: attributes["properties"] ?? "" });
            } else if (tag === "spine") ncxId = attributes["toc"];
            else if (tag === "itemref" && attributes["idref"] !== undefined) order.push(attributes["idref"]);
        }
    });
    const spine = order.map((id) => items.get(id)).filter((item) => item !== undefined && contentTypes.has(item.type)).map((item) => item!.part);
    const nav = [...items.values()].find((item) => item.properties.split(/\s+/).includes("nav"));
    const ncx = ncxId === undefined ? undefined : items.get(ncxId);
    const toc = nav !== undefined ? { part: nav.part, kind: "nav" as const } : ncx !== undefined ? { part: ncx.part, kind: "ncx" as const } : undefined;
    const title = metaTitle(opf);
    return { ...(title === undefined ? {} : { title }), spine: [...new Set(spine)], ...(toc === undefined ? {} : { toc }) };
}
