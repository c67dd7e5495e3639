export { isAllowedHref, renderMarkdown, sanitizeHtml } from "./renderMarkdown.js";
