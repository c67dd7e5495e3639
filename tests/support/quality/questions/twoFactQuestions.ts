import { boardGameRules } from "../documents/boardGameRules.js";
import { cooperativeReport } from "../documents/cooperativeReport.js";
import { expensePolicy } from "../documents/expensePolicy.js";
import { festivalCalendar } from "../documents/festivalCalendar.js";
import { fieldGuide } from "../documents/fieldGuide.js";
import { guildHistory } from "../documents/guildHistory.js";
import { harborRegulations } from "../documents/harborRegulations.js";
import { releaseNotes } from "../documents/releaseNotes.js";
import { spectrometerManual } from "../documents/spectrometerManual.js";
import { trailGuide } from "../documents/trailGuide.js";
import type { QualityQuestion } from "../types.js";

/**
 * Questions whose answer is a pair of spans from two passages in different sections (two chunks),
 * sometimes in two documents. No arithmetic: a small model can copy two sentences, not compute.
 */
export const twoFactQuestions: QualityQuestion[] = [
    {
        id: "two-facts-march-closings",
        level: "two-facts",
        question: "Which two Varrow harbors close to sailing vessels in March, and on which dates?",
        expected: [
            {
                answers: ["14 March", "March 14"],
                document: harborRegulations.fileName,
                passage: "Port Quell closes to sailing vessels on 14 March each year for the dredging of its channel."
            },
            {
                answers: ["22 March", "March 22"],
                document: harborRegulations.fileName,
                passage: "Drennick Cove closes to sailing vessels on 22 March each year, while the grey seal colony raises its pups on the cove beaches."
            }
        ]
    },
    {
        id: "two-facts-founder-and-birthplace",
        level: "two-facts",
        question: "Who founded the Lanternwrights' Guild, and in which village was the founder born?",
        expected: [
            {
                answers: ["Edda Thornquill", "Thornquill"],
                document: guildHistory.fileName,
                passage: "Its founder was Edda Thornquill, a tinsmith who had learned her trade in the workshops of the coast."
            },
            { answers: ["Brisk Hollow"], document: guildHistory.fileName, passage: "Edda Thornquill was born in the village of Brisk Hollow." }
        ]
    },
    {
        id: "two-facts-shipping-harbor-master",
        level: "two-facts",
        question: "From which harbor does the Tidewater Grain Cooperative ship its grain, and who is the harbor master there?",
        expected: [
            {
                answers: ["Saltmere"],
                document: cooperativeReport.fileName,
                passage: "Grain for the mainland leaves from Saltmere Harbor aboard the barge Merrow Queen."
            },
            {
                answers: ["Tobiah Grell", "Captain Grell"],
                document: harborRegulations.fileName,
                passage: "The harbor master of Saltmere Harbor is Captain Tobiah Grell."
            }
        ]
    },
    {
        id: "two-facts-paper-boats-guild-founding",
        level: "two-facts",
        question: "Which guild organizes the Night of Paper Boats, and in which year was that guild founded?",
        expected: [
            {
                answers: ["Lanternwrights"],
                document: festivalCalendar.fileName,
                passage: "It is organized by the Lanternwrights' Guild of Kellmarsh, whose members light a candle in every boat."
            },
            { answers: ["1782"], document: guildHistory.fileName, passage: "The Lanternwrights' Guild was founded in 1782 in the town of Kellmarsh." }
        ]
    },
    {
        id: "two-facts-meals-and-hotels",
        level: "two-facts",
        question: "What is Brindlecote's daily meal allowance for domestic travel, and up to how much is a hotel night reimbursed?",
        expected: [
            { answers: ["43"], document: expensePolicy.fileName, passage: "The daily meal allowance for domestic travel is 43 florins." },
            { answers: ["165"], document: expensePolicy.fileName, passage: "Hotel stays are reimbursed up to 165 florins per night." }
        ]
    },
    {
        id: "two-facts-k7-warm-up-and-temperature",
        level: "two-facts",
        question: "How long must the Halvorsen K-7 warm up, and what is the hottest sample it accepts?",
        expected: [
            {
                answers: ["22"],
                document: spectrometerManual.fileName,
                passage: "The Halvorsen K-7 needs a warm-up time of 22 minutes before its first measurement."
            },
            { answers: ["63"], document: spectrometerManual.fileName, passage: "The maximum sample temperature for the K-7 is 63 degrees Celsius." }
        ]
    },
    {
        id: "two-facts-lantern-walk-and-apple-parliament",
        level: "two-facts",
        question: "On which dates are the Lantern Walk and the Apple Parliament held in Wenlow Bridge?",
        expected: [
            {
                answers: ["3 February", "February 3"],
                document: festivalCalendar.fileName,
                passage: "The Lantern Walk takes place on 3 February, when the children of the town carry lanterns from the chapel to the river."
            },
            {
                answers: ["28 September", "September 28"],
                document: festivalCalendar.fileName,
                passage: "The Apple Parliament meets on 28 September to choose the best cider of the year."
            }
        ]
    },
    {
        id: "two-facts-lizard-and-newt-length",
        level: "two-facts",
        question: "How long do the vesper lizard and the ashfin newt grow?",
        expected: [
            {
                answers: ["31"],
                document: fieldGuide.fileName,
                passage: "The vesper lizard (Tilqua vesperina) grows to a length of 31 centimeters."
            },
            {
                answers: ["12"],
                document: fieldGuide.fileName,
                passage: "The ashfin newt (Pyronotus cinerarius) grows to a length of 12 centimeters."
            }
        ]
    },
    {
        id: "two-facts-code-names",
        level: "two-facts",
        question: "What were the code names of Tanager Sync 4.2.0 and of Tanager Sync 4.3.0?",
        expected: [
            {
                answers: ["Bramblefinch"],
                document: releaseNotes.fileName,
                passage: "Tanager Sync 4.2.0, code-named Bramblefinch, was released on 8 May."
            },
            {
                answers: ["Marrowgate"],
                document: releaseNotes.fileName,
                passage: "Tanager Sync 4.3.0, code-named Marrowgate, was released on 19 September."
            }
        ]
    },
    {
        id: "two-facts-chair-and-members",
        level: "two-facts",
        question: "Who chairs the Tidewater Grain Cooperative, and how many members did it have at the end of the year?",
        expected: [
            {
                answers: ["Rosalind Ebberly", "Ebberly"],
                document: cooperativeReport.fileName,
                passage: "The chair of the Tidewater Grain Cooperative is Rosalind Ebberly, a barley farmer from Fennick Crossing."
            },
            { answers: ["1,348"], document: cooperativeReport.fileName, passage: "At the end of the year the cooperative had 1,348 members." }
        ]
    },
    {
        id: "two-facts-lowfell-and-ostler",
        level: "two-facts",
        question: "How long is the Lowfell Loop, and how many walkers does the Ostler Hut sleep?",
        expected: [
            {
                answers: ["8.2"],
                document: trailGuide.fileName,
                passage: "The Lowfell Loop is 8.2 kilometers long and suits families with children."
            },
            {
                answers: ["18"],
                document: trailGuide.fileName,
                passage: "The Ostler Hut sleeps 18 walkers and is open from 1 June to 30 September."
            }
        ]
    },
    {
        id: "two-facts-tower-cost-and-tie",
        level: "two-facts",
        question: "In Quarry and Crown, how many marble tokens does a tower cost, and which card wins a tie?",
        expected: [
            { answers: ["6", "six"], document: boardGameRules.fileName, passage: "A tower costs 6 marble tokens and one quarry card." },
            {
                answers: ["Crown card"],
                document: boardGameRules.fileName,
                passage: "The player with the most towers wins, and the player holding the Crown card wins any tie."
            }
        ]
    }
];
