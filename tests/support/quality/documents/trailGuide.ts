import type { CorpusDocument } from "../types.js";

/** A walking guide: two trails with lengths, two huts with bed counts, and a closure date. */
export const trailGuide: CorpusDocument = {
    fileName: "skelder-ridge-trails.html",
    format: "html",
    title: "Trails of the Skelder Ridge",
    sections: [
        {
            heading: "The Cairnback Trail",
            paragraphs: [
                "The Cairnback Trail is 14.6 kilometers long and starts at the village of Orm. It follows the line of old cairns to the summit of Mount Taverel.",
                "Mount Taverel, the highest point of the Skelder Ridge, rises to 2,317 meters."
            ]
        },
        {
            heading: "The Lowfell Loop",
            paragraphs: [
                "The Lowfell Loop is 8.2 kilometers long and suits families with children. It passes the waterfall known as the Widow's Veil."
            ]
        },
        {
            heading: "Mountain huts",
            paragraphs: [
                "The Ostler Hut sleeps 18 walkers and is open from 1 June to 30 September. The Brannock Hut sleeps 26 walkers and is open all year.",
                "Both huts are run by the Skelder Ridge Club, and beds must be booked in advance."
            ]
        },
        {
            heading: "Safety",
            paragraphs: [
                "The mountain rescue line for the Skelder Ridge is 0455 1190. The ridge is closed to walkers on 12 August for the grouse count."
            ]
        }
    ]
};
