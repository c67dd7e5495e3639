/**
 * Citation markers as the Answerer writes them: `[3]` or `[1, 4]`. The same shape main's
 * `extractCitations` keeps, so what survives there is what becomes a chip here.
 */
const marker = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/** Text inside these stays as it is: code is quoted literally, and a button may not sit inside a link or a button. */
const untouched = new Set(["CODE", "PRE", "A", "BUTTON", "KBD", "SAMP"]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Turns `[n]` markers in the text of already sanitized HTML into citation buttons, in place.
 * Only numbers in `labels` (the message's real citations) become buttons; any other `[n]` stays
 * text. Buttons are built with DOM calls from the number and the label: no markup is ever parsed
 * here, so the text around them (model output) can never become HTML. Returns how many were made.
 */
export function linkCitations(root: Node, labels: ReadonlyMap<number, string>): number {
    if (labels.size === 0) return 0;
    let made = 0;
    for (const text of textNodesOf(root)) made += replaceMarkers(text, labels);
    return made;
}

function textNodesOf(root: Node): Text[] {
    const found: Text[] = [];
    const visit = (node: Node) => {
        for (const child of Array.from(node.childNodes)) {
            if (child.nodeType === TEXT_NODE) found.push(child as Text);
            else if (child.nodeType === ELEMENT_NODE && !untouched.has(child.nodeName.toUpperCase())) visit(child);
        }
    };
    visit(root);
    return found;
}

function replaceMarkers(node: Text, labels: ReadonlyMap<number, string>): number {
    const source = node.data;
    const document = node.ownerDocument;
    const parent = node.parentNode;
    if (!parent || !source.includes("[")) return 0;
    const pieces: Node[] = [];
    let made = 0;
    let last = 0;
    for (const match of source.matchAll(marker)) {
        const numbers = (match[1] ?? "").split(",").map((part) => Number(part.trim()));
        if (!numbers.some((number) => labels.has(number))) continue;
        const start = match.index;
        if (start > last) pieces.push(document.createTextNode(source.slice(last, start)));
        for (const number of new Set(numbers)) {
            const label = labels.get(number);
            if (label === undefined) {
                // A number with no source stays visible as text rather than vanishing.
                pieces.push(document.createTextNode(`[${number}]`));
                continue;
            }
            pieces.push(citationButton(document, number, label));
            made++;
        }
        last = start + match[0].length;
    }
    if (made === 0) return 0;
    if (last < source.length) pieces.push(document.createTextNode(source.slice(last)));
    for (const piece of pieces) parent.insertBefore(piece, node);
    parent.removeChild(node);
    return made;
}

function citationButton(document: Document, number: number, label: string): HTMLButtonElement {
    const button = document.createElement("button");
    button.setAttribute("type", "button");
    button.setAttribute("class", "citation");
    button.setAttribute("data-testid", "citation");
    button.setAttribute("data-number", String(number));
    button.setAttribute("aria-label", `Source ${number}: ${label}`);
    button.setAttribute("title", label);
    button.textContent = String(number);
    return button;
}
