import type * as PdfjsModule from "pdfjs-dist/legacy/build/pdf.mjs";

type Pdfjs = typeof PdfjsModule;

let loading: Promise<Pdfjs> | undefined;

/**
 * pdf.js, loaded as a Node library. pdf.js decides once, when it loads, whether it runs in Node (cmaps and
 * fonts read from disk, no web worker) or in a browser, and it counts every Electron process but the main
 * one as a browser, so in the packaged app's parser (an Electron utility process) it would fetch files by
 * URL and look for a web worker, and fail. The utility process is Node: while pdf.js loads, it says so.
 */
export function loadPdfjs(): Promise<Pdfjs> {
    loading ??= (async () => {
        const electronProcess = process as NodeJS.Process & { type?: string };
        const type = electronProcess.type;
        const inUtilityProcess = process.versions.electron !== undefined && type === "utility";
        if (inUtilityProcess) electronProcess.type = "browser";
        try {
            return await import("pdfjs-dist/legacy/build/pdf.mjs");
        } finally {
            if (inUtilityProcess) electronProcess.type = type;
        }
    })();
    return loading;
}
