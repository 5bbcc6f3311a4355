/**
 * The real-browser harness, for every test in test/e2e/ (and the demo and the bench):
 * - `launch()` starts Chromium with dist/ loaded (or another extension, or none);
 * - `openExtensionPage()`, `request()`, `getSnapshot()`, `tabIdOf()` talk to the extension through its protocol;
 * - `startLab()` starts the lab origins; `openGallery()` / `runAllCases()` drive the gallery;
 * - `CdpRecorder` reads Chromium's own verdicts; `chromiumOutcomes()` turns them into per-case outcomes.
 */
export { launch, extensionWorker, extensionIdOf, CHROMIUM_FLAGS, type Launched, type LaunchOptions } from './browser';
export { ensureChromium, findChromium } from './chromium';
export { openExtensionPage, request, getSnapshot, getSummary, tabIdOf, until } from './extension';
export { CdpRecorder, type CdpRequest } from './cdp-recorder';
export { watchWorkerErrors, type WorkerConsole } from './worker-console';
export { stopExtensionWorker, extensionWorkerRunning } from './worker-control';
export { openBurst, burst, startHeldBurst, burstTag, burstExpectation, type BurstResult } from './burst';
export { chromiumOutcomes, decided, subjectsByCase, withNonce, type ChromiumOutcome } from './ground-truth';
export { openGallery, runAllCases, runCases, type CaseResult, type GalleryRun } from './gallery';
export { runAgreement, agrees, describeRow, extensionPreflight, type AgreementRow, type AgreementRun } from './agreement';
export { DIST, ROOT } from './paths';
export { startLab, type Lab, type LabRequest } from '../../../lab/server';
export { buildCases, type LabCase } from '../../../lab/cases';
export { DevtoolsLog, type Hop } from '../../../src/playwright/devtools-log';
