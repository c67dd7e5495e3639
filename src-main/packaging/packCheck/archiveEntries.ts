import asar from "@electron/asar";

export type ArchiveEntry = {
    /** Forward slashes, no leading slash: "node_modules/better-sqlite3/package.json". */
    path: string;
    kind: "file" | "link";
    size: number;
    /** electron-builder moved it to app.asar.unpacked: the archive keeps only its name. */
    unpacked: boolean;
};

type HeaderNode = { files?: Record<string, HeaderNode>; size?: number; unpacked?: boolean; link?: string };

/** Every file and link in an asar archive, as its header records them. */
export function archiveEntries(archive: string): ArchiveEntry[] {
    const entries: ArchiveEntry[] = [];
    const walk = (node: HeaderNode, prefix: string, unpackedDir: boolean): void => {
        for (const [name, child] of Object.entries(node.files ?? {})) {
            const entryPath = prefix === "" ? name : `${prefix}/${name}`;
            const unpacked = unpackedDir || child.unpacked === true;
            if (child.files !== undefined) walk(child, entryPath, unpacked);
            else entries.push({ path: entryPath, kind: child.link !== undefined ? "link" : "file", size: child.size ?? 0, unpacked });
        }
    };
    walk(asar.getRawHeader(archive).header as HeaderNode, "", false);
    return entries;
}
