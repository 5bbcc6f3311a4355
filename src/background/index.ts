/**
 * Background service worker: wiring only. Every listener is registered synchronously at the top
 * level, because the browser starts the worker to deliver these events.
 *
 * Pause: the webRequest listeners are always added here (the worker cannot know the stored `paused`
 * flag synchronously); once the settings are read, a paused session removes them again, so the
 * browser stops calling (and waking) us for requests. Records arriving in between are dropped.
 *
 * Capture scope (scope/capture-scope.ts) works the same way: every tab's listeners are added here; once the
 * mode and the chosen tabs and sites are read, they give way to one filtered set per chosen tab, or to none.
 */
import type { Runtime } from 'webextension-polyfill';
import { classify } from '../core/classify/classify';
import type { CaptureMode, PortMessage } from '../shared/protocol';
import { isRequestMessage, tabIdFromPortName } from '../shared/protocol';
import { portTransport } from '../shared/transport';
import { actionBadge, browserSay, isFirefox, observerFor, storageArea, tabsLike } from './chrome-apis';
import { createCapture } from './capture/listeners';
import type { CaptureEvent } from './capture/event';
import type { SessionEvent } from './capture/event-order';
import { BADGE_COLOR } from './tabs/badge';
import { dispatch, isOwnPage } from './messaging';
import { BackgroundSession } from './session';
import { CaptureScope } from './scope/capture-scope';
import { normalizeSettings, SETTINGS_KEY } from '../shared/settings';
import { chromeScopeTabs } from './scope/chrome-tabs';
import { browserWebRequest } from './capture/web-request';
import { browserLog } from './persist/idb-log';
import { browser } from '../shared/browser';

const webRequest = browserWebRequest(browser.webRequest, isFirefox(browser.runtime));
let sink: (event: CaptureEvent) => void = () => {};
const sessionArea = storageArea(browser.storage.session);
const localArea = storageArea(browser.storage.local);
// Capture scope: every tab's listeners now (the first turn), the chosen tabs' ones once the scope is read.
const scope = new CaptureScope({
  make: (where, to) => createCapture(webRequest, to, where),
  sink: (event) => sink(event),
  sessionArea,
  localArea,
  tabs: chromeScopeTabs(browser.tabs),
  // Read here rather than after the session's start (which rehydrates the log first): in mode everywhere the
  // records held meanwhile reach the pipeline's queue before it opens, in the order they came, as without a scope.
  mode: async (): Promise<CaptureMode> => normalizeSettings((await localArea.get([SETTINGS_KEY]))[SETTINGS_KEY]).capture,
});
const capture = scope.capture;
capture.start();

const badge = actionBadge(browser.action);
const session = new BackgroundSession({
  classify,
  observer: observerFor(webRequest),
  capture,
  log: browserLog(),
  sessionArea,
  localArea,
  badge,
  say: browserSay(browser.i18n),
  tabs: tabsLike(browser.tabs),
});
sink = session.capture;
const handlers = session.handlers(scope);
const extensionOrigin = browser.runtime.getURL('');

browser.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.url !== undefined) scope.showing(tabId, change.url);
  if (change.status !== 'loading' && change.status !== 'complete' && change.url === undefined) return;
  const event: SessionEvent = {
    kind: 'tab-updated', tabId, time: Date.now(),
    ...(change.status !== undefined ? { status: change.status } : {}),
    ...(change.url !== undefined ? { url: change.url } : {}),
    ...(tab.url !== undefined ? { tabUrl: tab.url } : {}),
  };
  scope.inOrder(() => session.push(event));
});
browser.tabs.onRemoved.addListener((tabId) => {
  scope.removed(tabId);
  scope.inOrder(() => session.push({ kind: 'tab-removed', tabId }));
});

// The answer is the returned promise (the polyfill turns it into Chromium's sendResponse); nothing for others' messages.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isOwnPage(sender, browser.runtime.id, extensionOrigin) || !isRequestMessage(message)) return undefined;
  return dispatch(handlers, message);
});

browser.runtime.onConnect.addListener((port) => {
  const tabId = tabIdFromPortName(port.name);
  if (tabId === null) return;
  if (!isOwnPage(port.sender, browser.runtime.id, extensionOrigin)) {
    port.disconnect();
    return;
  }
  const events = portTransport<PortMessage, never>(port, (_m: unknown): _m is never => false);
  void session.connectPort(tabId, events);
});

void badge.setColor(BADGE_COLOR).catch(() => {});
void session.start();
void scope.ready();
