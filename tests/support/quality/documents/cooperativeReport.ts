import type { CorpusDocument } from "../types.js";

/** An annual report: this year's and last year's figures side by side, two silos of different sizes. */
export const cooperativeReport: CorpusDocument = {
    fileName: "tidewater-annual-report.pdf",
    format: "pdf",
    title: "Annual Report of the Tidewater Grain Cooperative",
    sections: [
        {
            page: 1,
            heading: "A word from the chair",
            paragraphs: [
                "This was the twenty-sixth year of trading for our cooperative on the Isle of Varrow. The harvest came in late, but the quality of the barley was the best in a decade.",
                "The chair of the Tidewater Grain Cooperative is Rosalind Ebberly, a barley farmer from Fennick Crossing. She thanks every member who helped at the weighbridge during the harvest."
            ]
        },
        {
            page: 1,
            heading: "Membership",
            paragraphs: [
                "At the end of the year the cooperative had 1,348 members. One year earlier it had 1,207 members.",
                "Most new members farm on the southern plain around Lowmarsh, where the cooperative opened a buying office in the spring."
            ]
        },
        {
            page: 2,
            heading: "Finances",
            paragraphs: [
                "Revenue from grain sales reached 912,000 crowns. The cooperative closed the year with a net surplus of 48,300 crowns.",
                "Members will receive a dividend of 3.8 percent on their grain deliveries. The dividend will be paid into members' accounts before the spring sowing."
            ]
        },
        {
            page: 2,
            heading: "The new silo",
            paragraphs: [
                "The new silo at Fennick Crossing holds 2,750 tonnes of grain. It was built by the Harrowgate Ironworks and filled for the first time in October.",
                "The older silo at Lowmarsh holds 1,100 tonnes and will be used for seed grain from now on."
            ]
        },
        {
            page: 3,
            heading: "Shipping",
            paragraphs: [
                "Grain for the mainland leaves from Saltmere Harbor aboard the barge Merrow Queen. The barge made 41 crossings during the year."
            ]
        },
        {
            page: 3,
            heading: "The year ahead",
            paragraphs: [
                "The annual meeting of members will be held on 6 April in the grange hall at Fennick Crossing. Members who cannot attend may vote by letter."
            ]
        }
    ]
};
