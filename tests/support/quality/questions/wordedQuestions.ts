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

/** Questions worded like their source sentence: keyword search alone should find them. */
export const wordedQuestions: QualityQuestion[] = [
    {
        id: "worded-port-quell-closing",
        level: "worded",
        question: "On which date does Port Quell close to sailing vessels?",
        expected: [
            {
                answers: ["14 March", "March 14"],
                document: harborRegulations.fileName,
                passage: "Port Quell closes to sailing vessels on 14 March each year for the dredging of its channel."
            }
        ]
    },
    {
        id: "worded-guild-founding-year",
        level: "worded",
        question: "In which year was the Lanternwrights' Guild founded?",
        expected: [
            { answers: ["1782"], document: guildHistory.fileName, passage: "The Lanternwrights' Guild was founded in 1782 in the town of Kellmarsh." }
        ]
    },
    {
        id: "worded-domestic-meal-allowance",
        level: "worded",
        question: "What is the daily meal allowance for domestic travel at Brindlecote Analytics?",
        expected: [{ answers: ["43"], document: expensePolicy.fileName, passage: "The daily meal allowance for domestic travel is 43 florins." }]
    },
    {
        id: "worded-k7-warm-up",
        level: "worded",
        question: "How long is the warm-up time of the Halvorsen K-7?",
        expected: [
            {
                answers: ["22"],
                document: spectrometerManual.fileName,
                passage: "The Halvorsen K-7 needs a warm-up time of 22 minutes before its first measurement."
            }
        ]
    },
    {
        id: "worded-drowned-bell-date",
        level: "worded",
        question: "On which date is the Feast of the Drowned Bell held?",
        expected: [
            {
                answers: ["17 June", "June 17"],
                document: festivalCalendar.fileName,
                passage: "The Feast of the Drowned Bell is held on 17 June, the night when the bell of the sunken chapel is said to ring under the water."
            }
        ]
    },
    {
        id: "worded-vesper-lizard-clutch",
        level: "worded",
        question: "How many eggs does the vesper lizard lay in a clutch?",
        expected: [{ answers: ["7", "seven"], document: fieldGuide.fileName, passage: "The vesper lizard lays clutches of 7 eggs." }]
    },
    {
        id: "worded-4-3-0-code-name",
        level: "worded",
        question: "What was the code name of Tanager Sync 4.3.0?",
        expected: [
            {
                answers: ["Marrowgate"],
                document: releaseNotes.fileName,
                passage: "Tanager Sync 4.3.0, code-named Marrowgate, was released on 19 September."
            }
        ]
    },
    {
        id: "worded-cooperative-surplus",
        level: "worded",
        question: "What net surplus did the Tidewater Grain Cooperative close the year with?",
        expected: [
            { answers: ["48,300"], document: cooperativeReport.fileName, passage: "The cooperative closed the year with a net surplus of 48,300 crowns." }
        ]
    },
    {
        id: "worded-cairnback-length",
        level: "worded",
        question: "How long is the Cairnback Trail?",
        expected: [
            { answers: ["14.6"], document: trailGuide.fileName, passage: "The Cairnback Trail is 14.6 kilometers long and starts at the village of Orm." }
        ]
    },
    {
        id: "worded-error-e314",
        level: "worded",
        question: "What does error code E-314 mean on the Halvorsen K-7?",
        expected: [{ answers: ["coolant"], document: spectrometerManual.fileName, passage: "Error code E-314 means that the coolant level is low." }]
    },
    {
        id: "worded-starting-tokens",
        level: "worded",
        question: "How many marble tokens does each player start with in Quarry and Crown?",
        expected: [
            {
                answers: ["17", "seventeen"],
                document: boardGameRules.fileName,
                passage: "In Quarry and Crown, each player starts with 17 marble tokens and one quarry card."
            }
        ]
    },
    {
        id: "worded-saltmere-harbor-master",
        level: "worded",
        question: "Who is the harbor master of Saltmere Harbor?",
        expected: [
            {
                answers: ["Tobiah Grell", "Captain Grell"],
                document: harborRegulations.fileName,
                passage: "The harbor master of Saltmere Harbor is Captain Tobiah Grell."
            }
        ]
    }
];
