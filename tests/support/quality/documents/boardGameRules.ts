import type { CorpusDocument } from "../types.js";

/** Game rules: a standard and a two-player starting stock, a building cost and an end condition. */
export const boardGameRules: CorpusDocument = {
    fileName: "quarry-and-crown-rules.txt",
    format: "text",
    title: "Rules of Quarry and Crown",
    sections: [
        {
            heading: "Setting up",
            paragraphs: [
                "In Quarry and Crown, each player starts with 17 marble tokens and one quarry card. The youngest player takes the first turn."
            ]
        },
        {
            heading: "Taking a turn",
            paragraphs: [
                "On a turn, a player may dig, trade or build. Digging draws two cards from the quarry deck, and trading swaps tokens with one other player."
            ]
        },
        {
            heading: "Building towers",
            paragraphs: [
                "A tower costs 6 marble tokens and one quarry card. Towers must be built next to a road that the player owns."
            ]
        },
        {
            heading: "End of the game",
            paragraphs: [
                "The game ends when the ninth tower is built. The player with the most towers wins, and the player holding the Crown card wins any tie."
            ]
        },
        {
            heading: "The two-player variant",
            paragraphs: [
                "In the two-player variant, each player starts with 24 marble tokens, and the game ends when the seventh tower is built."
            ]
        }
    ]
};
