/** The wizard's steps, in order. */
export const wizardSteps = ["hardware", "goals", "choice", "download", "ready"] as const;

export type WizardStep = (typeof wizardSteps)[number];

export const wizardStepTitles: Readonly<Record<WizardStep, string>> = {
    hardware: "What this computer has",
    goals: "What do you want to do?",
    choice: "Recommended setup",
    download: "Download",
    ready: "Ready to chat"
};
