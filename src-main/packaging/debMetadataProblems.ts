type PackageMetadata = { homepage?: unknown; author?: unknown };

/**
 * What a .deb needs from package.json that electron-builder would otherwise reject only at the end of a
 * build: the project's homepage and a maintainer with an email address. Empty when both are there.
 */
export function debMetadataProblems(metadata: PackageMetadata): string[] {
    const problems: string[] = [];
    if (typeof metadata.homepage !== "string" || metadata.homepage === "") problems.push('"homepage": the project\'s web address');
    const author = metadata.author;
    const email = typeof author === "string" ? /<[^>]+@[^>]+>/.test(author) : typeof (author as { email?: unknown } | undefined)?.email === "string";
    if (!email) problems.push('"author": { "name": ..., "email": ... } (the .deb\'s maintainer)');
    return problems;
}
