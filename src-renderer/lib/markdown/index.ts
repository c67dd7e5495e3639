export { linkCitations } from "./linkCitations.js";
export { renderAnswer } from "./renderAnswer.js";
export { isAllowedHref, renderMarkdown, sanitizeHtml } from "./renderMarkdown.js";
