import createDOMPurify, { type DOMPurify, type WindowLike } from "dompurify";
import { DOMParser, NodeFilter, parseHTML } from "linkedom";

const emptyPage = "<!doctype html><html><head></head><body></body></html>";

/**
 * DOMPurify running on linkedom, so sanitising can be tested in plain Node. linkedom differs from
 * a browser in a few details DOMPurify relies on, bridged here: it keeps `parentNode`, `nodeType`
 * and `ownerDocument` as own properties (DOMPurify reads them through prototype getters), has no
 * `document.implementation` or `window.NodeFilter`, and its DOMParser does not wrap a fragment in
 * `<html><body>` as a browser's does.
 */
export function createLinkedomPurify(): DOMPurify {
    const { window, document } = parseHTML(emptyPage) as unknown as LinkedomPage;
    Object.defineProperty(document, "implementation", {
        value: { createHTMLDocument: () => new DOMParser().parseFromString(emptyPage, "text/html") }
    });
    const Element = constructorWithPrototype(
        ["nextSibling", "childNodes", "parentNode", "shadowRoot", "attributes", "namespaceURI"],
        ["cloneNode", "remove", "removeAttributeNode"],
        window.Element.prototype
    );
    const Node = constructorWithPrototype(["nodeType", "nodeName", "ownerDocument"], [], window.Node.prototype);
    class BodyDOMParser {
        parseFromString(html: string, type: string): unknown {
            return new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, type as "text/html");
        }
    }
    const overrides: Record<string, unknown> = { Element, Node, NodeFilter, DOMParser: BodyDOMParser };
    const shim = new Proxy(window, {
        get: (target, key) => (typeof key === "string" && key in overrides ? overrides[key] : Reflect.get(target, key))
    });
    return createDOMPurify(shim as unknown as WindowLike);
}

type LinkedomPage = {
    window: { Element: { prototype: object }; Node: { prototype: object } } & object;
    document: object;
};

/** A constructor whose prototype exposes the given properties as getters and forwards the methods. */
function constructorWithPrototype(getters: string[], methods: string[], real: object): { prototype: object } {
    const prototype: Record<string, unknown> = {};
    for (const name of getters) {
        Object.defineProperty(prototype, name, {
            get(this: Record<string, unknown>) {
                return this[name];
            }
        });
    }
    for (const name of methods) {
        const method = (real as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        prototype[name] = function (this: unknown, ...args: unknown[]) {
            return method.apply(this, args);
        };
    }
    const constructor = function () {} as unknown as { prototype: object };
    constructor.prototype = prototype;
    return constructor;
}
