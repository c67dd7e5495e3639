/**
 * Breaks text into lines no wider than `maxWidth`, at spaces only: no hyphen is ever added, so the
 * words read back from the page are the words written (a line break reads back as whitespace).
 */
export function wrapLine(text: string, maxWidth: number, widthOf: (text: string) => number): string[] {
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(" ")) {
        const candidate = line === "" ? word : `${line} ${word}`;
        if (line !== "" && widthOf(candidate) > maxWidth) {
            lines.push(line);
            line = word;
        } else line = candidate;
    }
    if (line !== "") lines.push(line);
    return lines;
}
