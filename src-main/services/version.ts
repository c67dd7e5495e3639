/** Shown in the UI and the CLI; kept in step with package.json by the release process. */
export const LOCUS_VERSION = "0.1.0";
