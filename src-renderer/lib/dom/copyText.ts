/**
 * Puts text on the clipboard. The asynchronous clipboard API needs a permission the desktop app never
 * grants, so a hidden text area and the copy command (allowed during a click or key press) stand in.
 */
export async function copyText(text: string): Promise<boolean> {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        document.body.append(area);
        area.select();
        try {
            return document.execCommand("copy");
        } finally {
            area.remove();
            focused?.focus();
        }
    }
}
