import type { DOMPurify } from "dompurify";
import MarkdownIt, { type MarkdownIt as Markdown, type StateCore, type Token } from "markdown-it";

/** Link schemes that may stay clickable; every other link becomes plain text. */
const allowedHref = /^(?:https?:\/\/|mailto:)/i;

/**
 * DOMPurify checks every non-URI attribute value against this pattern too, so besides the allowed
 * schemes it must accept plain values (`_blank`, `noopener`); the hook below is what limits `href`.
 */
const allowedUriValue = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** Only the tags markdown-it emits for CommonMark and tables; no images, media, forms or styles. */
const allowedTags = [
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
    "strong", "em", "s", "code", "pre", "a", "table", "thead", "tbody", "tr", "th", "td"
];
const allowedAttributes = ["href", "title", "rel", "target", "class", "start"];

export function isAllowedHref(href: string): boolean {
    return allowedHref.test(href.trim());
}

const markdown = createMarkdown();

/**
 * Model output as safe HTML: markdown-it with raw HTML off, images replaced by their alt text,
 * links kept only for http(s)/mailto (opening in a new window without an opener), then DOMPurify
 * with an allowlist as a second line of defence. `purify` must be bound to a DOM (the browser's
 * window, or a DOM implementation in tests).
 */
export function renderMarkdown(source: string, purify: DOMPurify): string {
    return sanitizeHtml(markdown.render(source), purify);
}

/** The DOMPurify stage alone: allowlisted tags and attributes, links limited to the allowed schemes. */
export function sanitizeHtml(html: string, purify: DOMPurify): string {
    if (!purify.isSupported) {
        // An unsupported DOMPurify returns its input untouched: never let that reach the page.
        throw new Error("renderMarkdown needs DOMPurify bound to a DOM window");
    }
    enforceLinkPolicyOn(purify);
    return purify.sanitize(html, {
        ALLOWED_TAGS: allowedTags,
        ALLOWED_ATTR: allowedAttributes,
        ALLOWED_URI_REGEXP: allowedUriValue,
        ALLOW_DATA_ATTR: false,
        ALLOW_ARIA_ATTR: false
    });
}

function createMarkdown(): Markdown {
    const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true });
    // Parse every link so that the rule below can turn a refused one into its text, instead of
    // leaving markdown-it's literal `[text](javascript:...)` on the page.
    md.validateLink = () => true;
    md.core.ruler.push("locus_links_and_images", (state) => {
        for (const block of state.tokens) {
            if (block.type === "inline" && block.children) {
                block.children = rewriteInline(block.children, state, md);
            }
        }
        return true;
    });
    return md;
}

/**
 * Where a link really goes, shown after it: a document in the library may tell the model to write a link
 * whose text hides an address carrying data ("exfiltration by link"). The person sees the host before
 * clicking, and the full address on hover.
 */
function linkHost(href: string): string | null {
    try {
        const url = new URL(href.trim());
        return url.protocol === "mailto:" ? null : url.host;
    } catch {
        return null;
    }
}

function rewriteInline(tokens: Token[], state: StateCore, md: Markdown): Token[] {
    const result: Token[] = [];
    let droppingLink = false;
    let host: string | null = null;
    let linkText = "";
    for (const token of tokens) {
        if (token.type === "image") {
            const alt = new state.Token("text", "", 0);
            alt.content = md.renderer.renderInlineAsText(token.children ?? [], md.options, state.env);
            result.push(alt);
        } else if (token.type === "link_open") {
            const href = String(token.attrGet("href") ?? "");
            droppingLink = !isAllowedHref(href);
            host = droppingLink ? null : linkHost(href);
            linkText = "";
            if (!droppingLink) {
                token.attrSet("target", "_blank");
                token.attrSet("rel", "noopener noreferrer");
                token.attrSet("title", href.trim());
                result.push(token);
            }
        } else if (token.type === "link_close") {
            if (!droppingLink) {
                result.push(token);
                // Unless the text already is the address (or its host), say where the link goes.
                if (host !== null && !linkText.toLowerCase().includes(host.toLowerCase())) {
                    const where = new state.Token("text", "", 0);
                    where.content = ` (${host})`;
                    result.push(where);
                }
            }
            droppingLink = false;
            host = null;
        } else {
            if (host !== null && token.type === "text") linkText += token.content;
            result.push(token);
        }
    }
    return result;
}

type LinkNode = {
    nodeName: string;
    getAttribute(name: string): string | null;
    setAttribute(name: string, value: string): void;
    removeAttribute(name: string): void;
};

const preparedPurifiers = new WeakSet<DOMPurify>();

/** Installs, once per DOMPurify instance, the hook that limits links to the allowed schemes. */
function enforceLinkPolicyOn(purify: DOMPurify): void {
    if (preparedPurifiers.has(purify)) return;
    purify.addHook("afterSanitizeAttributes", (node: unknown) => {
        const link = node as Partial<LinkNode>;
        if (link.nodeName !== "A") return;
        const anchor = link as LinkNode;
        const href = anchor.getAttribute("href");
        if (href !== null && isAllowedHref(href)) {
            anchor.setAttribute("target", "_blank");
            anchor.setAttribute("rel", "noopener noreferrer");
        } else {
            anchor.removeAttribute("href");
            anchor.removeAttribute("target");
            anchor.removeAttribute("rel");
        }
    });
    preparedPurifiers.add(purify);
}
