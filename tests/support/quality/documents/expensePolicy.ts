import type { CorpusDocument } from "../types.js";

/** A company policy: domestic and international allowances, a general and a capital-city hotel limit. */
export const expensePolicy: CorpusDocument = {
    fileName: "brindlecote-expense-policy.md",
    format: "markdown",
    title: "Travel and Expense Policy of Brindlecote Analytics",
    sections: [
        {
            heading: "Purpose",
            paragraphs: [
                "This policy applies to every employee of Brindlecote Analytics who travels on company business. It explains what the company pays for and how to claim it back."
            ]
        },
        {
            heading: "Meals",
            paragraphs: [
                "The daily meal allowance for domestic travel is 43 florins. For international travel, the daily meal allowance is 71 florins.",
                "Alcohol is never reimbursed, not even with a client present."
            ]
        },
        {
            heading: "Hotels",
            paragraphs: [
                "Hotel stays are reimbursed up to 165 florins per night. In the capital city of Orsenne, the hotel limit rises to 210 florins per night.",
                "Employees should book through the company travel desk whenever they can."
            ]
        },
        {
            heading: "Mileage",
            paragraphs: [
                "Journeys in a private car are reimbursed at 0.37 florins per kilometer. Parking and tolls are reimbursed at cost."
            ]
        },
        {
            heading: "Receipts and claims",
            paragraphs: [
                "Every receipt above 25 florins must be itemized. Expense claims must be submitted within 19 days of the end of the trip.",
                "Claims are entered in the expense tool called Quillpad, with a photograph of each receipt."
            ]
        },
        {
            heading: "Approval",
            paragraphs: [
                "All claims are approved by the finance controller, Ilse Varga. Claims above 2,000 florins also need the signature of the chief executive, Bartholomew Wren."
            ]
        }
    ]
};
