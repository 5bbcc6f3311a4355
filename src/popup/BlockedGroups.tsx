/** Blocked exchanges grouped by endpoint and reason, worst first. Everything from the wire is text. */
import type { BlockedGroup } from '../core/report/summary';

const SHOWN_GROUPS = 8;

export function BlockedGroups({ groups, blocked, partial }: { groups: BlockedGroup[]; blocked: number; partial: boolean }) {
  if (groups.length === 0) return null;
  const shown = groups.slice(0, SHOWN_GROUPS);
  const hidden = groups.length - shown.length;
  const covered = groups.reduce((n, g) => n + g.count, 0);
  return (
    <section class="groups" aria-labelledby="groups-title">
      <h2 id="groups-title" class="section-title">Blocked by endpoint and reason</h2>
      {partial && (
        <p class="muted small" data-testid="partial-note">
          Grouped from the newest {covered.toLocaleString('en-US')} of {blocked.toLocaleString('en-US')} blocked requests; the report and the copied summary cover all of them.
        </p>
      )}
      <ol class="group-list">
        {shown.map((g) => (
          <li key={g.key} class="group" data-testid="group">
            <span class="group-count" aria-label={`${g.count} times`}>×{g.count.toLocaleString('en-US')}</span>
            <div class="group-body">
              <div class="group-endpoint mono wrap">
                <span class="group-method">{g.methods.join('/')}</span> {g.endpoint}
              </div>
              <div class="group-reason">
                {g.code && <code class="group-code">{g.code}</code>} <span>{g.summary}</span>
              </div>
            </div>
          </li>
        ))}
      </ol>
      {hidden > 0 && <p class="muted small">and {hidden} more endpoint/reason pair{hidden === 1 ? '' : 's'}: see the panel or copy the summary.</p>}
    </section>
  );
}
