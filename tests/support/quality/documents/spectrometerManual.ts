import type { CorpusDocument } from "../types.js";

/** An equipment manual: the K-7's figures next to the older K-5's, and three error codes. */
export const spectrometerManual: CorpusDocument = {
    fileName: "halvorsen-k7-manual.docx",
    format: "docx",
    title: "Operating Manual for the Halvorsen K-7 Spectrometer",
    sections: [
        {
            heading: "Before you begin",
            paragraphs: [
                "This manual covers the Halvorsen K-7 spectrometer in the optics room of the Corrin Field Laboratory.",
                "The Halvorsen K-7 needs a warm-up time of 22 minutes before its first measurement. The older Halvorsen K-5 needs only 9 minutes of warm-up."
            ]
        },
        {
            heading: "Calibration",
            paragraphs: [
                "Calibrate the K-7 against the cerulite reference disk at the start of every shift. The reference disk is stored in drawer C4 of the instrument cabinet."
            ]
        },
        {
            heading: "Loading samples",
            paragraphs: [
                "The maximum sample temperature for the K-7 is 63 degrees Celsius. Hotter samples must rest on the cooling rack until they are below that limit.",
                "Liquid samples are loaded in quartz cuvettes with a path length of 11 millimeters."
            ]
        },
        {
            heading: "Maintenance",
            paragraphs: [
                "The xenon lamp of the K-7 must be replaced after 1,850 hours of use. The lamp of the K-5 lasts 1,200 hours.",
                "The lamp hours are shown on the service screen, which opens when the power key is held for five seconds."
            ]
        },
        {
            heading: "Error codes",
            paragraphs: [
                "Error code E-314 means that the coolant level is low. Error code E-207 means that the sample door is open. Error code E-550 means that the detector has overheated."
            ]
        },
        {
            heading: "Support",
            paragraphs: [
                "For repairs, contact the laboratory technician Obi Nakamura-Fell in room 3.17 of the east wing."
            ]
        }
    ]
};
