/** HTML reports: one self-contained file per run or comparison, charts inlined as SVG. */
export { renderRunReport, runChartPlans, type RunReportOptions } from './run-report.js';
export { renderComparisonReport, headlineMetrics, type ComparisonReportOptions } from './comparison-report.js';
export { isComparisonResults, isResults, parseResults, readResultsFile, ResultsFileError, type ResultsFile } from './read-results.js';
export { judge, standardFor, REPORT_ATTENDANCE_TARGETS, type AttendanceTargets, type Judgement } from '../../metrics/standards.js';
export { renderResultsHtml, writeHtmlReport } from './write-report.js';
