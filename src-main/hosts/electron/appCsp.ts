/**
 * The Content Security Policy of every page the app serves: only its own scripts, no remote images, fonts,
 * styles or connections (a model's or a document's Markdown can never make the window fetch anything),
 * no plugins, forms or framing.
 */
export const APP_CSP = [
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
    "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"
].join("; ");
