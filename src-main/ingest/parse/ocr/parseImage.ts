import type { DocumentSource } from "../DocumentSource.js";
import { CorruptDocumentError } from "../errors/CorruptDocumentError.js";
import { ImageTooLargeError } from "../errors/ImageTooLargeError.js";
import { UnsupportedDocumentError } from "../errors/UnsupportedDocumentError.js";
import type { ParseContext } from "../ParseContext.js";
import type { ParsedDocument } from "../types.js";
import { imageDimensions } from "./imageDimensions.js";
import { languageNames } from "./languageNames.js";
import { maxOcrMegapixels } from "./maxOcrMegapixels.js";
import { TextRecognizer } from "./TextRecognizer.js";

/**
 * A picture of text (a scan or a photo of a page, PNG or JPEG) read by text recognition in the
 * languages chosen in Settings; its text is page 1. The size in its header is checked before any
 * pixel is decoded, so a small file claiming gigapixels is refused, not decoded.
 */
export async function parseImage(source: DocumentSource, context: ParseContext): Promise<ParsedDocument> {
    const { fileName, limits } = source;
    const bytes = await source.readAll();
    const size = imageDimensions(bytes);
    const formatName = bytes[0] === 0x89 ? "PNG image" : "JPEG image";
    if (size === undefined || size.width === 0 || size.height === 0) {
        throw new CorruptDocumentError({ fileName, formatName, reason: "its header is damaged" });
    }
    if (size.width * size.height > maxOcrMegapixels * 1_000_000) {
        throw new ImageTooLargeError({ fileName, ...size, limitMegapixels: maxOcrMegapixels });
    }
    context.reportProgress({ stage: "ocr", page: 0, pages: 1 });
    const recognizer = await TextRecognizer.create(limits.ocrLanguages);
    let text: string;
    try {
        text = await recognizer.recognize(bytes);
    } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]?.slice(0, 160) || "its pixels could not be decoded";
        throw new CorruptDocumentError({ fileName, formatName, reason });
    } finally {
        await recognizer.dispose();
    }
    context.reportProgress({ stage: "ocr", page: 1, pages: 1 });
    if (text === "") {
        throw new UnsupportedDocumentError({
            fileName, detected: `a picture in which text recognition found no words (in ${languageNames(limits.ocrLanguages)})`,
            advice: "If it shows text in another language, choose that language in Settings > Documents; a photo without text has nothing to index."
        });
    }
    return { format: "image", title: fileName.replace(/\.[^.]+$/, ""), sections: [{ text, page: 1, headingPath: [] }] };
}
