/**
 * HTML that makes a browser fetch something, one way per line; each address names its way. Shown raw in
 * Markdown (as a model or a document could write it) and given to the sanitizer's DOMPurify stage alone.
 */
export const hostileHtml = [
    "<img src=\"https://html-img.example/e.png\" srcset=\"https://srcset.example/f.png 2x\" loading=\"eager\">",
    "<picture><source srcset=\"https://picture.example/g.webp\"><img src=\"https://picture-img.example/h.png\"></picture>",
    "<link rel=\"preload\" href=\"https://preload.example/i.css\" as=\"style\"><link rel=\"stylesheet\" href=\"https://stylesheet.example/j.css\">",
    "<link rel=\"prefetch\" href=\"https://prefetch.example/k\"><link rel=\"preconnect\" href=\"https://preconnect.example\">",
    "<style>@import url(\"https://css-import.example/l.css\"); p { background: url(https://css-url.example/m.png) }</style>",
    "<div style=\"background-image: url(https://inline-style.example/n.png)\">styled text</div>",
    "<svg><image href=\"https://svg-image.example/o.png\"/><use href=\"https://svg-use.example/p.svg#x\"/></svg>",
    "<iframe src=\"https://iframe.example/q\"></iframe><object data=\"https://object.example/r\"></object><embed src=\"https://embed.example/s\">",
    "<video poster=\"https://poster.example/t.jpg\" src=\"https://video.example/u.mp4\" autoplay></video><audio src=\"https://audio.example/v.mp3\" autoplay></audio>",
    "<script src=\"https://script.example/w.js\"></script><meta http-equiv=\"refresh\" content=\"0;url=https://refresh.example/\">",
    "<base href=\"https://base.example/\"><a href=\"https://ping-link.example/x\" ping=\"https://ping.example/y\">a link that pings</a>",
    "<table background=\"https://table-bg.example/z.png\"><tr><td>cell</td></tr></table><input type=\"image\" src=\"https://input.example/aa.png\">"
].join("\n");

/** Every way Markdown, or HTML written in it, could make a page fetch something; each address names its way. */
export const hostileMarkdown = [
    "Remote picture: ![chart](https://md-image.example/a.png) and a linked badge [![build](https://badge.example/b.svg)](https://ci.example/)",
    "",
    "![by reference][pic] and an autolink <https://autolink.example/c>",
    "",
    "[pic]: https://ref-image.example/d.png \"a picture by reference\"",
    "",
    hostileHtml,
    "",
    "| a | b |\n| --- | --- |\n| ![in a table](https://table-image.example/bb.png) | [a plain link](https://plain-link.example/cc) |",
    "",
    "```html\n<img src=\"https://code-block.example/dd.png\">\n```"
].join("\n");
