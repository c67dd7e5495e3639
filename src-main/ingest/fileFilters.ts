import path from "node:path";
import { folderExtensions, pictureExtensions } from "@common/documentTypes.js";

/** Extensions queued when they are found inside an added folder (the list lives in common; see there why). */
export const supportedExtensions: ReadonlySet<string> = folderExtensions;

/** A name hidden by convention on macOS and Linux (".git", ".DS_Store"). */
export function isHiddenName(name: string): boolean {
    return name.startsWith(".");
}

/**
 * Files that exist only while an app or a download works: Office lock files ("~$report.docx"),
 * editor backups and swap files, partial downloads. Indexing them would index half-written copies.
 */
export function isTempName(name: string): boolean {
    const lower = name.toLowerCase();
    return lower.startsWith("~$") || lower.endsWith("~") || lower.startsWith("#") ||
        /\.(tmp|temp|swp|swo|bak|part|partial|crdownload|download)$/.test(lower);
}

/** Which files found in folders are collected beyond the document types. */
export type FolderFileOptions = {
    /** Pictures (PNG, JPEG) too, read by text recognition: the Setting "Read text in pictures found in folders". */
    pictures?: boolean | undefined;
};

/** A file found in a folder that ingestion should queue: supported type, neither hidden nor temporary. */
export function isIndexableFileName(filePath: string, options: FolderFileOptions = {}): boolean {
    const name = path.basename(filePath);
    const extension = path.extname(name).toLowerCase();
    return !isHiddenName(name) && !isTempName(name) && (supportedExtensions.has(extension) || (options.pictures === true && pictureExtensions.has(extension)));
}
