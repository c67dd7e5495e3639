import type { CorpusDocument } from "../types.js";
import { escapeMarkup } from "./escapeMarkup.js";

/**
 * The document as a web page: the article (h1, then an h2 per section) inside site navigation, a
 * newsletter aside and a footer, the furniture a real page carries and Locus should leave out.
 * The furniture states no facts, so a test can tell whether it leaked into the library.
 */
export function renderHtml(document: CorpusDocument): string {
    const sections = document.sections.map(
        (section) =>
            `      <section>\n        <h2>${escapeMarkup(section.heading)}</h2>\n` +
            section.paragraphs.map((paragraph) => `        <p>${escapeMarkup(paragraph)}</p>\n`).join("") +
            "      </section>\n"
    );
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '  <meta charset="utf-8">',
        `  <title>${escapeMarkup(document.title)}</title>`,
        "  <style>body { font-family: Georgia, serif; max-width: 42em; margin: auto; }</style>",
        "</head>",
        "<body>",
        '  <header class="site-header">',
        '    <nav aria-label="Site">',
        '      <ul><li><a href="/">Home</a></li><li><a href="/visit">Plan a visit</a></li><li><a href="/news">News</a></li><li><a href="/contact">Contact us</a></li></ul>',
        "    </nav>",
        "  </header>",
        "  <main>",
        "    <article>",
        `      <h1>${escapeMarkup(document.title)}</h1>`,
        ...sections.map((section) => section.trimEnd()),
        "    </article>",
        "  </main>",
        '  <aside class="newsletter">',
        "    <p>Sign up for our monthly newsletter and never miss an update from the visitors' office.</p>",
        "  </aside>",
        "  <footer>",
        '    <p>Kept by the volunteers of the visitors\' office. <a href="/privacy">Privacy</a> | <a href="/accessibility">Accessibility</a></p>',
        "  </footer>",
        '  <script>document.documentElement.classList.add("js");</script>',
        "</body>",
        "</html>",
        ""
    ].join("\n");
}
