/** Offers text as a file download (the browser's or Electron's save flow); nothing leaves the computer. */
export function saveTextFile(fileName: string, mimeType: string, content: string): void {
    const url = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.style.display = "none";
    document.body.append(link);
    link.click();
    link.remove();
    // The download has started from the URL; it can go once the click is handled.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
