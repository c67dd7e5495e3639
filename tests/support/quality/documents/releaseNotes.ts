import type { CorpusDocument } from "../types.js";

/** Release notes: three versions, each with a code name and a date, changes that look alike. */
export const releaseNotes: CorpusDocument = {
    fileName: "tanager-sync-release-notes.txt",
    format: "text",
    title: "Tanager Sync Release Notes",
    sections: [
        {
            heading: "Version 4.3.0",
            paragraphs: [
                "Tanager Sync 4.3.0, code-named Marrowgate, was released on 19 September. This release removes the legacy-mirror option, which had been deprecated for a year.",
                "Conflict copies are now named with the suffix tangle. Thanks to Priya Halloran, who fixed the crash when a folder name ended in a space."
            ]
        },
        {
            heading: "Version 4.2.0",
            paragraphs: [
                "Tanager Sync 4.2.0, code-named Bramblefinch, was released on 8 May. In version 4.2.0 the default sync port is 7741.",
                "The largest file that Tanager Sync can now sync is 96 megabytes. Sync now pauses on its own when the battery falls below 15 percent."
            ]
        },
        {
            heading: "Version 4.1.0",
            paragraphs: [
                "Tanager Sync 4.1.0, code-named Sedgewick, was released on 2 February. It added support for shared folders with read-only members."
            ]
        }
    ]
};
