export { clamp01, describeEngineStatus } from "./describeEngineStatus.js";
export { describeDownload, downloadFraction, isDownloadActive } from "./describeDownload.js";
export { describeFitBasis, isTooLarge, presentFit, type FitPresentation, type FitTone } from "./describeFit.js";
export { describeModelFit, type ModelFitLine } from "./describeModelFit.js";
export { cpuHighlights, describeCpu, describeDisk, describeGpu, describeMemory } from "./describeHardware.js";
export { describeLearning } from "./describeLearning.js";
export { describeContext, describeModelSize, describeParameters, modelSizeWord } from "./describeModel.js";
export { bitsPerWeight, describeQuantization, qualityLoss, type QuantizationFacts } from "./describeQuantization.js";
export { formatBytes } from "./formatBytes.js";
export { formatMinutes, formatTimeLeft } from "./formatDuration.js";
export { formatSpeed } from "./formatSpeed.js";
export {
    describeCitation, describeDocumentFacts, describeDocumentProgress, describeDocumentStatus, describeFilesDone, describeIngestPace, describeIngestResult,
    describePlace, describeScanProgress, formatChunkRate, ingestFraction, isDocumentBusy, passageContext
} from "./describeLibrary.js";
export {
    adapterFacts, describeDocumentsUsed, describeLossChange, describeRunPhase, describeRunSources, describeStop, describeTrainingPace, describeTrainingTime,
    formatClock, formatDateTime, formatLoss, formatScale, formatTokenRate, formatTokens, isRunActive, lossChange, trainingFraction,
    type LossChange
} from "./describeTraining.js";
export {
    describeLossChart, layoutLossChart, lossSeries, maxPlottedPoints, niceTicks, stepDecimals, thinPoints,
    type AxisTicks, type ChartMarker, type ChartTick, type LossChartLayout, type LossPoint, type LossSeries
} from "./lossChart.js";
export { describeAnswerFigures, describeSamplingSource, describeThinking } from "./describeAnswer.js";
export { advisorSeries, describeAdvisorChart, layoutAdvisorChart, type AdvisorChartLayout, type AdvisorSeries } from "./advisorChart.js";
export {
    describeAdvisorState, describeConfig, describeMethod, formatLearningTime, formatQuality, formatRunDate, isAdvisorActive, rankedConfigs
} from "./describeAdvisor.js";
export { describeBackup } from "./describeBackup.js";
