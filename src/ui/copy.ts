/**
 * Copies text to the clipboard. DevTools panels often lack the async Clipboard permission, so fall back to
 * execCommand: first with a copy event carrying the text (no layout, whatever its length), then, where a
 * browser gives the event no clipboardData, through a hidden textarea.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    if (doc.defaultView?.navigator.clipboard && doc.hasFocus()) {
      await doc.defaultView.navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to execCommand
  }
  const viaEvent = copyByEvent(text, doc);
  if (viaEvent !== null) return viaEvent;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  const ok = execCopy(doc);
  area.remove();
  return ok;
}

/** null when the browser fired no copy event with clipboardData (then the caller tries a textarea). */
function copyByEvent(text: string, doc: Document): boolean | null {
  let handled = false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    handled = true;
  };
  doc.addEventListener('copy', onCopy, true);
  try {
    const ok = execCopy(doc);
    return handled ? ok : null;
  } finally {
    doc.removeEventListener('copy', onCopy, true);
  }
}

function execCopy(doc: Document): boolean {
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  }
}
