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
 * The same kind of facts asked in other words (top speed for speed limit, light source for lamp,
 * storage tower for silo): names stay, so the question is answerable, but most other words change.
 */
export const paraphrasedQuestions: QualityQuestion[] = [
    {
        id: "paraphrased-port-quell-speed",
        level: "paraphrased",
        question: "What is the top speed allowed for boats within Port Quell's breakwater?",
        expected: [
            {
                answers: ["4 knots", "four knots"],
                document: harborRegulations.fileName,
                passage: "Inside the Port Quell breakwater, the speed limit is 4 knots."
            }
        ]
    },
    {
        id: "paraphrased-thornquill-birthplace",
        level: "paraphrased",
        question: "In which village did Edda Thornquill come into the world?",
        expected: [{ answers: ["Brisk Hollow"], document: guildHistory.fileName, passage: "Edda Thornquill was born in the village of Brisk Hollow." }]
    },
    {
        id: "paraphrased-hotel-limit",
        level: "paraphrased",
        question: "Up to what amount per night does Brindlecote pay back for lodging outside the capital?",
        expected: [{ answers: ["165"], document: expensePolicy.fileName, passage: "Hotel stays are reimbursed up to 165 florins per night." }]
    },
    {
        id: "paraphrased-k7-lamp-life",
        level: "paraphrased",
        question: "After how many hours of operation does the K-7's light source have to be swapped?",
        expected: [
            { answers: ["1,850"], document: spectrometerManual.fileName, passage: "The xenon lamp of the K-7 must be replaced after 1,850 hours of use." }
        ]
    },
    {
        id: "paraphrased-cider-prize",
        level: "paraphrased",
        question: "What prize goes to whoever makes the finest cider at the Apple Parliament?",
        expected: [
            {
                answers: ["Pippin Chain"],
                document: festivalCalendar.fileName,
                passage: "The winning cider maker receives the Pippin Chain and wears it until the next Parliament."
            }
        ]
    },
    {
        id: "paraphrased-vesper-lizard-size",
        level: "paraphrased",
        question: "How big can a vesper lizard get?",
        expected: [
            {
                answers: ["31"],
                document: fieldGuide.fileName,
                passage: "The vesper lizard (Tilqua vesperina) grows to a length of 31 centimeters."
            }
        ]
    },
    {
        id: "paraphrased-largest-file",
        level: "paraphrased",
        question: "What is the biggest file Tanager Sync is able to transfer now?",
        expected: [{ answers: ["96"], document: releaseNotes.fileName, passage: "The largest file that Tanager Sync can now sync is 96 megabytes." }]
    },
    {
        id: "paraphrased-silo-capacity",
        level: "paraphrased",
        question: "How much grain fits in the cooperative's newly built storage tower at Fennick Crossing?",
        expected: [{ answers: ["2,750"], document: cooperativeReport.fileName, passage: "The new silo at Fennick Crossing holds 2,750 tonnes of grain." }]
    },
    {
        id: "paraphrased-highest-peak",
        level: "paraphrased",
        question: "How tall is the loftiest summit on the Skelder Ridge?",
        expected: [
            { answers: ["2,317"], document: trailGuide.fileName, passage: "Mount Taverel, the highest point of the Skelder Ridge, rises to 2,317 meters." }
        ]
    },
    {
        id: "paraphrased-game-end",
        level: "paraphrased",
        question: "What brings a standard game of Quarry and Crown to a close?",
        expected: [
            { answers: ["ninth tower", "9th tower", "nine towers", "9 towers"], document: boardGameRules.fileName, passage: "The game ends when the ninth tower is built." }
        ]
    },
    {
        id: "paraphrased-repair-contact",
        level: "paraphrased",
        question: "Whom should I get in touch with when the spectrometer needs fixing?",
        expected: [
            {
                answers: ["Nakamura-Fell"],
                document: spectrometerManual.fileName,
                passage: "For repairs, contact the laboratory technician Obi Nakamura-Fell in room 3.17 of the east wing."
            }
        ]
    },
    {
        id: "paraphrased-dividend-rate",
        level: "paraphrased",
        question: "What payout rate will farmers in the grain cooperative earn on what they handed in?",
        expected: [
            { answers: ["3.8"], document: cooperativeReport.fileName, passage: "Members will receive a dividend of 3.8 percent on their grain deliveries." }
        ]
    }
];
