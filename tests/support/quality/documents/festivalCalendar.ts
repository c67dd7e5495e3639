import type { CorpusDocument } from "../types.js";

/** A town's festivals, one per season, and a neighbouring town's look-alike festival on another date. */
export const festivalCalendar: CorpusDocument = {
    fileName: "wenlow-bridge-festivals.html",
    format: "html",
    title: "Festival Calendar of Wenlow Bridge",
    sections: [
        {
            heading: "Winter",
            paragraphs: [
                "The Lantern Walk takes place on 3 February, when the children of the town carry lanterns from the chapel to the river.",
                "Warm cider is served on the chapel steps after the walk."
            ]
        },
        {
            heading: "Spring",
            paragraphs: [
                "The Seedswap Fair is held on 12 April on Millrace Green. Gardeners bring seeds saved from their own plots and trade them by the handful."
            ]
        },
        {
            heading: "Summer",
            paragraphs: [
                "The Feast of the Drowned Bell is held on 17 June, the night when the bell of the sunken chapel is said to ring under the water.",
                "Around 6,200 visitors came to the feast last year, more than twice the population of the town."
            ]
        },
        {
            heading: "Autumn",
            paragraphs: [
                "The Apple Parliament meets on 28 September to choose the best cider of the year. The winning cider maker receives the Pippin Chain and wears it until the next Parliament."
            ]
        },
        {
            heading: "The Night of Paper Boats",
            paragraphs: [
                "The Night of Paper Boats is held on 11 December on the River Wenn. It is organized by the Lanternwrights' Guild of Kellmarsh, whose members light a candle in every boat.",
                "The neighbouring town of Ashcombe Reach holds its own paper boat night on 4 December."
            ]
        }
    ]
};
