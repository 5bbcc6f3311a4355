/** What to do when the tab's log is empty. */
export function EmptyState({ paused }: { paused: boolean }) {
  return (
    <section class="empty" data-testid="empty">
      <h2 class="section-title">No requests recorded for this tab yet</h2>
      {paused ? (
        <p>Capture is paused. Resume it, then reload the page to record its requests.</p>
      ) : (
        <p>Reload the page, or use it until it makes the request that fails. CORS Lens records requests made after it was installed and while capture is on; it only reads them and never changes them.</p>
      )}
    </section>
  );
}
