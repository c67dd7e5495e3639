import type { CorpusDocument } from "../types.js";

/** A field guide: several species, each with a length and a clutch size, so numbers must be told apart. */
export const fieldGuide: CorpusDocument = {
    fileName: "glimmerfen-field-guide.md",
    format: "markdown",
    title: "Field Guide to the Reptiles and Amphibians of Glimmerfen",
    sections: [
        {
            heading: "The vesper lizard",
            paragraphs: [
                "The vesper lizard (Tilqua vesperina) grows to a length of 31 centimeters. Its back is covered with a pale green fringe that looks like moss.",
                "The vesper lizard lays clutches of 7 eggs. It lives among the reed beds of the Glimmerfen marshes and hunts only at dusk."
            ]
        },
        {
            heading: "The ashfin newt",
            paragraphs: [
                "The ashfin newt (Pyronotus cinerarius) grows to a length of 12 centimeters. The ashfin newt lays up to 40 eggs on the undersides of lily pads.",
                "Its tail fin turns as grey as ash in autumn, which gives the newt its name."
            ]
        },
        {
            heading: "The copperthroat toad",
            paragraphs: [
                "The copperthroat toad (Bufonella aurigula) grows to a length of 9 centimeters. It calls only on nights after rain, with a note like a struck kettle.",
                "Copperthroat toads spend the winter in the banks of the Sallow River."
            ]
        },
        {
            heading: "The Glimmerfen slowworm",
            paragraphs: [
                "The Glimmerfen slowworm is a legless lizard that grows to a length of 44 centimeters. It is harmless and feeds on slugs."
            ]
        },
        {
            heading: "Conservation",
            paragraphs: [
                "Only about 600 vesper lizards remain in the wild. The yearly survey of the marshes is led by the naturalist Wendeline Okoro.",
                "Visitors must keep to the boardwalks between April and July, when most of the eggs are laid."
            ]
        }
    ]
};
