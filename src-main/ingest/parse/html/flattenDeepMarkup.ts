/** Elements that never hold children, or whose end tag is optional: they do not deepen nesting. */
const nonNesting = new Set(
    (
        "area base br col embed hr img input link meta source track wbr " +
        "p li dt dd tr td th thead tbody tfoot option optgroup colgroup rt rp caption"
    ).split(" ")
);

/**
 * Tags, comments and raw-text elements (whose content is not markup), in document order. Attributes
 * stop at "<" so a run of unclosed "<a" cannot make each match scan to the end (quadratic time).
 */
const token = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^<>]*>/gi;

/**
 * Drops the tags of elements nested deeper than `maxDepth`, keeping their text in place. The DOM
 * library's parser slows quadratically with depth (100,000 nested divs take about 11 s) and
 * recursive code on a deep tree overflows the stack, while real documents stay far shallower.
 * Depth is estimated from tags alone, so sloppy markup may count a little deep: harmless, as only
 * structure beyond the limit is lost, never text.
 */
export function flattenDeepMarkup(html: string, maxDepth: number): string {
    let depth = 0;
    let foreignDepth = 0;
    let flattened = false;
    const result = html.replace(token, (match, ...groups: Array<string | undefined>) => {
        const [, slash, name] = groups;
        if (name === undefined) return match;
        const tag = name.toLowerCase();
        // Like the HTML parser, honour "/>" only inside SVG and MathML; <div/> opens a div.
        if (nonNesting.has(tag) || (foreignDepth > 0 && match.endsWith("/>"))) return match;
        const foreign = tag === "svg" || tag === "math";
        if (slash === "/") {
            if (foreign) foreignDepth = Math.max(0, foreignDepth - 1);
            depth = Math.max(0, depth - 1);
            return depth >= maxDepth ? " " : match;
        }
        if (foreign) foreignDepth++;
        depth++;
        if (depth <= maxDepth) return match;
        flattened = true;
        return " ";
    });
    return flattened ? result : html;
}
