import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The palette as app.css declares it: each colour once, as light-dark(light, dark). */
function palette(): Record<"light" | "dark", Record<string, string>> {
    const css = fs.readFileSync(path.resolve(import.meta.dirname, "../../../src-renderer/app.css"), "utf8");
    const result = { light: {} as Record<string, string>, dark: {} as Record<string, string> };
    for (const match of css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) {
        result.light[match[1]!] = match[2]!;
        result.dark[match[1]!] = match[3]!;
    }
    return result;
}

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (high + 0.05) / (low + 0.05);
}

/** Text (4.5:1) and control boundaries and focus rings (3:1, WCAG 1.4.11) on the backgrounds they are used on. */
const text: [string, string][] = [
    ["text", "bg"], ["text", "surface"], ["text", "user-bg"], ["text", "selected"], ["text", "code-bg"], ["text", "hover"],
    ["muted", "bg"], ["muted", "surface"], ["muted", "user-bg"], ["muted", "selected"], ["muted", "code-bg"], ["muted", "hover"],
    ["accent", "bg"], ["accent", "surface"], ["accent", "selected"], ["accent-text", "accent"], ["ok", "surface"], ["ok", "bg"],
    ["danger-text", "surface"], ["danger-text", "danger-bg"], ["warning-text", "warning-bg"], ["warning-text", "surface"]
];
const controls: [string, string][] = [["control-border", "surface"], ["control-border", "bg"], ["focus", "bg"], ["focus", "surface"], ["accent", "surface"]];

describe("light and dark themes", () => {
    const colours = palette();

    it("declare every colour for both themes", () => {
        expect(Object.keys(colours.light).length).toBeGreaterThanOrEqual(20);
        expect(Object.keys(colours.dark)).toEqual(Object.keys(colours.light));
    });

    for (const theme of ["light", "dark"] as const) {
        it(`${theme}: text meets WCAG AA (4.5:1) on every background it is used on`, () => {
            const failing = text
                .map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: contrast(colours[theme][fg]!, colours[theme][bg]!) }))
                .filter(({ ratio }) => ratio < 4.5);
            expect(failing).toEqual([]);
        });

        it(`${theme}: field borders and the focus ring stand out (3:1)`, () => {
            const failing = controls
                .map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: contrast(colours[theme][fg]!, colours[theme][bg]!) }))
                .filter(({ ratio }) => ratio < 3);
            expect(failing).toEqual([]);
        });
    }
});
