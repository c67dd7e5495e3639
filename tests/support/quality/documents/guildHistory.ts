import type { CorpusDocument } from "../types.js";

/** One guild's history among rival guilds of the same town, each with its own founding year and founder. */
export const guildHistory: CorpusDocument = {
    fileName: "lanternwrights-guild-history.docx",
    format: "docx",
    title: "A History of the Lanternwrights' Guild",
    sections: [
        {
            heading: "Origins",
            paragraphs: [
                "The Lanternwrights' Guild was founded in 1782 in the town of Kellmarsh. Its founder was Edda Thornquill, a tinsmith who had learned her trade in the workshops of the coast.",
                "In its first years the guild made lamps for the fishing fleet and the coaching inns on the Kellmarsh road."
            ]
        },
        {
            heading: "The founder",
            paragraphs: [
                "Edda Thornquill was born in the village of Brisk Hollow. She served as the first guildmistress for nineteen years and trained more than sixty apprentices."
            ]
        },
        {
            heading: "Rival guilds",
            paragraphs: [
                "The Glassblowers' Guild of Kellmarsh was founded in 1809 by Mattias Orrel. The Ropemakers' Guild, the oldest guild in the town, was founded in 1761.",
                "Relations between the lanternwrights and the glassblowers were often tense, since each guild claimed the right to make lantern panes."
            ]
        },
        {
            heading: "The guild hall",
            paragraphs: [
                "The guild meets in a hall called the Copper Loft, above the old tannery on Weir Street.",
                "The guild's seal shows a heron holding a lantern in its beak."
            ]
        },
        {
            heading: "Motto and customs",
            paragraphs: [
                "The motto of the Lanternwrights' Guild is Light for the lost road. Each new apprentice receives a brass key on the day of joining, and returns it on becoming a master."
            ]
        },
        {
            heading: "Membership over the years",
            paragraphs: [
                "Membership reached its peak of 412 lanternwrights in 1851. Today the guild has 58 members, most of whom restore old lamps rather than make new ones."
            ]
        }
    ]
};
