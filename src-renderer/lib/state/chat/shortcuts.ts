/** What a keyboard shortcut does. */
export type ShortcutAction = "new-chat" | "search" | "stop" | "regenerate" | "focus-composer" | "help";

export type Shortcut = { action: ShortcutAction; description: string; keys: (mac: boolean) => string };

const mod = (mac: boolean) => (mac ? "⌘" : "Ctrl+");

/** Every shortcut, as the help panel lists them. */
export const shortcuts: readonly Shortcut[] = [
    { action: "new-chat", description: "New chat", keys: (mac) => `${mod(mac)}N  or  ${mod(mac)}${mac ? "⇧" : "Shift+"}O` },
    { action: "search", description: "Search chats", keys: (mac) => `${mod(mac)}K` },
    { action: "focus-composer", description: "Go to the message box", keys: () => "Shift+Esc  or  /" },
    { action: "stop", description: "Stop the answer", keys: () => "Esc" },
    { action: "regenerate", description: "Regenerate the last answer", keys: (mac) => `${mod(mac)}${mac ? "⇧" : "Shift+"}R` },
    { action: "help", description: "Show these shortcuts", keys: (mac) => `${mod(mac)}/  or  ?` }
];

/** The parts of a key event a shortcut depends on. */
export type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean; inTextField: boolean };

/**
 * The shortcut a key press means, or null. Esc (stop) is left to the views, which close what opened last
 * first; "/" and "?" only count outside text fields, where they would be typed.
 */
export function shortcutFor(press: KeyPress, mac: boolean): ShortcutAction | null {
    const command = mac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
    const key = press.key.toLowerCase();
    if (press.altKey) return null;
    if (command && !press.shiftKey && key === "n") return "new-chat";
    if (command && press.shiftKey && key === "o") return "new-chat";
    if (command && !press.shiftKey && key === "k") return "search";
    if (command && press.shiftKey && key === "r") return "regenerate";
    if (command && (key === "/" || key === "?")) return "help";
    if (!command && !press.ctrlKey && !press.metaKey && press.shiftKey && key === "escape") return "focus-composer";
    if (!command && !press.ctrlKey && !press.metaKey && !press.inTextField) {
        if (key === "/" && !press.shiftKey) return "focus-composer";
        if (key === "?") return "help";
    }
    return null;
}
