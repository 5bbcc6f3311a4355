/**
 * Background service worker: wiring only. Every listener is registered synchronously at the top
 * level, because the browser starts the worker to deliver these events.
 *
 * Pause: the webRequest listeners are always added here (the worker cannot know the stored `paused`
 * flag synchronously); once the settings are read, a paused session removes them again, so the
 * browser stops calling (and waking) us for requests. Records arriving in between are dropped.
 */
import { classify } from '../core/classify/classify';
import type { PortMessage } from '../shared/protocol';
import { isRequestMessage, tabIdFromPortName } from '../shared/protocol';
import { portTransport } from '../shared/transport';
import { actionBadge, browserSay, isFirefox, observerFor, storageArea, tabsLike } from './chrome-apis';
import { createCapture } from './capture/listeners';
import type { CaptureEvent } from './capture/event';
import { BADGE_COLOR } from './tabs/badge';
import { dispatch, isOwnPage } from './messaging';
import { BackgroundSession } from './session';
import { browserWebRequest } from './capture/web-request';

const webRequest = browserWebRequest(chrome.webRequest, isFirefox());
let sink: (event: CaptureEvent) => void = () => {};
const capture = createCapture(webRequest, (event) => sink(event));
capture.start();

const badge = actionBadge();
const session = new BackgroundSession({
  classify,
  observer: observerFor(webRequest),
  capture,
  sessionArea: storageArea(chrome.storage.session),
  localArea: storageArea(chrome.storage.local),
  badge,
  say: browserSay(),
  tabs: tabsLike(),
});
sink = session.capture;
const handlers = session.handlers();
const extensionOrigin = chrome.runtime.getURL('');

chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.status !== 'loading' && change.status !== 'complete' && change.url === undefined) return;
  session.push({
    kind: 'tab-updated', tabId, time: Date.now(),
    ...(change.status !== undefined ? { status: change.status } : {}),
    ...(change.url !== undefined ? { url: change.url } : {}),
    ...(tab.url !== undefined ? { tabUrl: tab.url } : {}),
  });
});
chrome.tabs.onRemoved.addListener((tabId) => session.push({ kind: 'tab-removed', tabId }));

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!isOwnPage(sender, chrome.runtime.id, extensionOrigin) || !isRequestMessage(message)) return false;
  void dispatch(handlers, message).then(sendResponse);
  return true;
});

chrome.runtime.onConnect.addListener((port) => {
  const tabId = tabIdFromPortName(port.name);
  if (tabId === null) return;
  if (!isOwnPage(port.sender, chrome.runtime.id, extensionOrigin)) {
    port.disconnect();
    return;
  }
  const events = portTransport<PortMessage, never>(port, (_m: unknown): _m is never => false);
  void session.connectPort(tabId, events);
});

void badge.setColor(BADGE_COLOR).catch(() => {});
void session.start();
