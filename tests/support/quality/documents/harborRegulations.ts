import type { CorpusDocument } from "../types.js";

/** Three harbors with different closing dates, masters and speed limits: each fact has look-alikes. */
export const harborRegulations: CorpusDocument = {
    fileName: "varrow-harbor-regulations.pdf",
    format: "pdf",
    title: "Harbor Regulations of the Isle of Varrow",
    sections: [
        {
            page: 1,
            heading: "Scope of these regulations",
            paragraphs: [
                "These regulations govern the three public harbors of the Isle of Varrow: Port Quell on the north shore, Saltmere Harbor on the west shore and Drennick Cove in the south. They were adopted by the Varrow Harbor Board at its spring sitting and replace the rules of the previous decade.",
                "Every vessel that enters a Varrow harbor must report to the harbor office within two hours of mooring. Masters who fail to report may be refused a berth on their next visit."
            ]
        },
        {
            page: 1,
            heading: "Port Quell",
            paragraphs: [
                "Port Quell closes to sailing vessels on 14 March each year for the dredging of its channel. It reopens once the dredger has left the harbor mouth, usually after three weeks.",
                "The harbor master of Port Quell is Captain Ysolde Marrack. Inside the Port Quell breakwater, the speed limit is 4 knots."
            ]
        },
        {
            page: 2,
            heading: "Saltmere Harbor",
            paragraphs: [
                "Saltmere Harbor closes to sailing vessels on 9 November each year, when the winter storms begin. Fishing boats registered on the island may still use the inner basin.",
                "The harbor master of Saltmere Harbor is Captain Tobiah Grell. Inside Saltmere Harbor, the speed limit is 6 knots. Saltmere Harbor has 112 visitor berths along the Tollgate Quay."
            ]
        },
        {
            page: 2,
            heading: "Drennick Cove",
            paragraphs: [
                "Drennick Cove closes to sailing vessels on 22 March each year, while the grey seal colony raises its pups on the cove beaches.",
                "The harbor master of Drennick Cove is Ondine Pallow. Inside Drennick Cove, the speed limit is 3 knots."
            ]
        },
        {
            page: 3,
            heading: "Mooring fees",
            paragraphs: [
                "The mooring fee at every Varrow harbor is 38 marks per night for vessels under 12 meters. Vessels of 12 meters or longer pay 61 marks per night.",
                "Fees are paid at the harbor office in cash or by harbor token. A vessel that stays longer than fourteen nights pays the weekly rate set by the Harbor Board."
            ]
        },
        {
            page: 3,
            heading: "Pilots",
            paragraphs: [
                "A licensed pilot is required for every vessel longer than 27 meters. Pilots are booked through the pilot station at Hask Point, which answers on radio channel 71."
            ]
        },
        {
            page: 3,
            heading: "Fog signals",
            paragraphs: [
                "In fog, the Port Quell lighthouse sounds two long blasts every 90 seconds. The fog bell at Drennick Cove rings five times every minute.",
                "Saltmere Harbor has no fog signal of its own; vessels approaching it in fog must call the harbor office on radio channel 14."
            ]
        }
    ]
};
