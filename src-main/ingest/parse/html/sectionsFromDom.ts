import { SectionBuilder } from "../SectionBuilder.js";
import type { ParsedSection } from "../types.js";

/** The little of the DOM this walk needs (linkedom's nodes; the main process has no DOM types). */
export interface DomNode {
    nodeType: number;
    nodeName: string;
    firstChild: DomNode | null;
    nextSibling: DomNode | null;
    textContent: string | null;
    getAttribute?(name: string): string | null;
}

/** Set on headings before Readability runs, since it renames h1 to h2 and the path would lose a level. */
export const headingLevelAttribute = "data-locus-level";

const elementNode = 1;
const textNode = 3;
/** Never text a reader sees. */
const alwaysSkipped = new Set(
    "SCRIPT STYLE NOSCRIPT TEMPLATE SVG MATH IFRAME OBJECT EMBED CANVAS HEAD SELECT BUTTON".split(" ")
);
/** Page furniture, skipped when no article could be found and the whole body is read. */
const boilerplate = new Set(["NAV", "ASIDE", "FOOTER", "FORM", "DIALOG"]);
const paragraphBlocks = new Set(
    "P DIV SECTION ARTICLE MAIN HEADER FOOTER BLOCKQUOTE PRE UL OL DL TABLE FIGURE FIELDSET ADDRESS HR DETAILS".split(" ")
);
const lineBlocks = new Set("LI TR DT DD CAPTION FIGCAPTION SUMMARY".split(" "));
const headingLevel: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };

export interface DomSections {
    sections: ParsedSection[];
    /** The first h1, a fallback title. */
    firstHeading?: string;
}

export interface DomSectionsOptions {
    /** Also skip navigation, asides, footers and forms. */
    skipBoilerplate: boolean;
}

/**
 * Sections of an HTML tree, split at h1-h6. The walk is iterative (an explicit stack), so no depth
 * of nesting can overflow the call stack.
 */
export function sectionsFromDom(root: DomNode, options: DomSectionsOptions): DomSections {
    const builder = new SectionBuilder(normalizeLines);
    // Each entry is a node to enter, or (exit: true) an element whose children are done.
    const stack: Array<{ node: DomNode; exit: boolean }> = [{ node: root, exit: false }];
    let preformatted = 0;
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
        const { node, exit } = item;
        const name = node.nodeName.toUpperCase();
        if (exit) {
            if (name === "PRE") preformatted--;
            if (paragraphBlocks.has(name)) paragraphBreak(builder);
            else if (lineBlocks.has(name)) builder.append("\n");
            else if (name === "TD" || name === "TH") builder.append(" ");
            continue;
        }
        if (node.nodeType === textNode) {
            const text = node.textContent ?? "";
            builder.append(preformatted > 0 ? text : text.replace(/\s+/g, " "));
            continue;
        }
        if (node.nodeType !== elementNode && node !== root) continue;
        if (alwaysSkipped.has(name) || (options.skipBoilerplate && boilerplate.has(name))) continue;
        const level = headingLevel[name];
        if (level !== undefined) {
            builder.heading(originalLevel(node, level), node.textContent ?? "");
            continue;
        }
        if (name === "BR") {
            builder.append("\n");
            continue;
        }
        if (name === "PRE") preformatted++;
        if (paragraphBlocks.has(name)) paragraphBreak(builder);
        stack.push({ node, exit: true });
        const children: DomNode[] = [];
        for (let child = node.firstChild; child !== null; child = child.nextSibling) children.push(child);
        for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as DomNode, exit: false });
    }
    const sections = builder.finish();
    return builder.firstTopHeading === undefined ? { sections } : { sections, firstHeading: builder.firstTopHeading };
}

function originalLevel(node: DomNode, level: number): number {
    const marked = Number(node.getAttribute?.(headingLevelAttribute));
    return Number.isInteger(marked) && marked >= 1 && marked <= 6 ? marked : level;
}

/** Block elements start and end paragraphs; line elements (li, tr...) only end a line. */
function paragraphBreak(builder: SectionBuilder): void {
    builder.append("\n\n");
    builder.paragraphBreak();
}

/** HTML whitespace is not meaningful at line ends: trim every line, keep at most one blank line. */
function normalizeLines(text: string): string {
    return text
        .split("\n")
        .map((line) => line.trim())
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim();
}
