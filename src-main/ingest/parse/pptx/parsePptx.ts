import type { DocumentSource } from "../DocumentSource.js";
import { coreTitle } from "../docx/coreTitle.js";
import { CorruptDocumentError } from "../errors/CorruptDocumentError.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import { TooManyPagesError } from "../errors/TooManyPagesError.js";
import { localName, relationships } from "../ooxml/relationships.js";
import type { ParsedDocument, ParsedSection } from "../types.js";
import { walkXml } from "../xml/walkXml.js";
import { readZipParts } from "../zip/readZipParts.js";
import { slideText } from "./slideText.js";

const formatName = "PowerPoint presentation";
const presentationPart = "ppt/presentation.xml";
const notesType = /\/notesSlide$/;

/**
 * A PowerPoint presentation, one section per slide in the order the presentation shows them: the
 * slide's title in its heading ("Slide 3: Results"), its text, and its speaker notes in a section of
 * their own. A citation's page is the slide number. Only XML parts are unpacked (media never is),
 * under the inflated-bytes limit; the slide count is held to the page limit.
 */
export async function parsePptx(source: DocumentSource): Promise<ParsedDocument> {
    const { fileName, limits } = source;
    const parts = await readZipParts(source, await source.readAll(), { formatName });
    const slides = slideOrder(parts);
    if (slides === undefined) throw new CorruptDocumentError({ fileName, formatName, reason: "it has no presentation part" });
    if (slides.length > limits.maxPages) {
        throw new TooManyPagesError({ fileName, pageCount: slides.length, limit: limits.maxPages, unit: "slides" });
    }
    const sections: ParsedSection[] = [];
    slides.forEach((slidePart, index) => {
        const number = index + 1;
        const xml = parts.get(slidePart);
        if (xml === undefined) return;
        const { title, lines } = slideText(xml);
        const heading = title === undefined ? `Slide ${String(number)}` : `Slide ${String(number)}: ${title}`;
        // A slide with nothing but its title still says something worth finding.
        const text = lines.length > 0 ? lines.join("\n") : (title ?? "");
        if (text !== "") sections.push({ text, page: number, headingPath: [heading] });
        const notesPart = [...relationships(parts, slidePart).values()].find((rel) => notesType.test(rel.type))?.target;
        const notes = notesPart === undefined ? undefined : parts.get(notesPart);
        const noteLines = notes === undefined ? [] : slideText(notes).lines;
        if (noteLines.length > 0) sections.push({ text: noteLines.join("\n"), page: number, headingPath: [heading, "Speaker notes"] });
    });
    if (sections.length === 0) throw new EmptyDocumentError({ fileName, reason: "no-text" });
    const title = coreTitle(parts) ?? firstSlideTitle(sections);
    return { format: "presentation", ...(title === undefined ? {} : { title }), sections };
}

/** Slide part names in show order (the presentation's slide list), or undefined without a presentation part. */
function slideOrder(parts: ReadonlyMap<string, Buffer>): string[] | undefined {
    const presentation = parts.get(presentationPart);
    if (presentation === undefined) return undefined;
    const targets = relationships(parts, presentationPart);
    const order: string[] = [];
    walkXml(presentation, {
        open: (name, attributes) => {
            const target = localName(name) === "sldId" ? targets.get(attributes["r:id"] ?? "")?.target : undefined;
            if (target !== undefined && !order.includes(target)) order.push(target);
        }
    });
    return order;
}

function firstSlideTitle(sections: readonly ParsedSection[]): string | undefined {
    const heading = sections[0]?.headingPath[0];
    const match = heading === undefined ? null : /^Slide 1: (.+)$/.exec(heading);
    return match?.[1];
}
