import { posix } from "node:path";
import { walkXml } from "../xml/walkXml.js";

export interface Relationship {
    /** The target's part name inside the package. */
    target: string;
    /** The relationship type URI (".../relationships/notesSlide"). */
    type: string;
}

/**
 * The relationships of one package part (its `_rels/<name>.rels` part): id -> target part and type,
 * the target resolved against the part's folder. External targets (web links, linked files) are left out: the
 * parser never follows them.
 */
export function relationships(parts: ReadonlyMap<string, Buffer>, partName: string): Map<string, Relationship> {
    const folder = posix.dirname(partName);
    const relsName = posix.join(folder, "_rels", `${posix.basename(partName)}.rels`);
    const targets = new Map<string, Relationship>();
    const rels = parts.get(relsName);
    if (rels === undefined) return targets;
    walkXml(rels, {
        open: (name, attributes) => {
            const { Id: id, Target: target, TargetMode: mode, Type: type = "" } = attributes;
            if (localName(name) !== "Relationship" || id === undefined || target === undefined || mode === "External") return;
            targets.set(id, { target: partPath(folder, target), type });
        }
    });
    return targets;
}

/** A target as a part name inside the package: relative to `folder`, or from the root when it starts with "/". */
export function partPath(folder: string, target: string): string {
    const decoded = safeDecode(target.split("#")[0] ?? "");
    return posix.normalize(decoded.startsWith("/") ? decoded.slice(1) : posix.join(folder, decoded)).replace(/^(\.\.\/)+/, "");
}

/** An element name without its namespace prefix ("p:sldId" -> "sldId"). */
export function localName(name: string): string {
    const colon = name.indexOf(":");
    return colon === -1 ? name : name.slice(colon + 1);
}

function safeDecode(text: string): string {
    try {
        return decodeURIComponent(text);
    } catch {
        return text;
    }
}
