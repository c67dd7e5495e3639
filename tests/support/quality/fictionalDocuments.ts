import { boardGameRules } from "./documents/boardGameRules.js";
import { cooperativeReport } from "./documents/cooperativeReport.js";
import { expensePolicy } from "./documents/expensePolicy.js";
import { festivalCalendar } from "./documents/festivalCalendar.js";
import { fieldGuide } from "./documents/fieldGuide.js";
import { guildHistory } from "./documents/guildHistory.js";
import { harborRegulations } from "./documents/harborRegulations.js";
import { releaseNotes } from "./documents/releaseNotes.js";
import { spectrometerManual } from "./documents/spectrometerManual.js";
import { trailGuide } from "./documents/trailGuide.js";
import type { CorpusDocument } from "./types.js";

/**
 * Ten invented documents, two per format. Every name, number and date is made up, so a model can
 * only answer from the library; several share places (Kellmarsh, Saltmere Harbor) so facts link.
 */
export const fictionalDocuments: readonly CorpusDocument[] = [
    harborRegulations,
    cooperativeReport,
    guildHistory,
    spectrometerManual,
    expensePolicy,
    fieldGuide,
    festivalCalendar,
    trailGuide,
    releaseNotes,
    boardGameRules
];
