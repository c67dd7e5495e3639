import { ocrLanguageChoices } from "@common/contract/settingsTypes.js";

/** "English, French" for ["eng", "fra"]: how messages name the languages recognition read in. */
export function languageNames(codes: readonly string[]): string {
    return codes.map((code) => ocrLanguageChoices.find((choice) => choice.code === code)?.name ?? code).join(", ");
}
