/** Escapes text for HTML and XML content and attribute values. */
export function escapeMarkup(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
