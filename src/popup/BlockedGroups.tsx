/** Blocked exchanges grouped by endpoint and reason, worst first. Everything from the wire is text. */
import type { BlockedGroup } from '../core/report/summary';
import { t, tm, words } from '../ui/i18n';

const SHOWN_GROUPS = 8;

export function BlockedGroups({ groups, blocked, partial }: { groups: BlockedGroup[]; blocked: number; partial: boolean }) {
  if (groups.length === 0) return null;
  const shown = groups.slice(0, SHOWN_GROUPS);
  const hidden = groups.length - shown.length;
  const covered = groups.reduce((n, g) => n + g.count, 0);
  const w = words.value;
  return (
    <section class="groups" aria-labelledby="groups-title">
      <h2 id="groups-title" class="section-title">{t('popup_groups_title')}</h2>
      {partial && (
        <p class="muted small" data-testid="partial-note">{t('popup_groups_partial', { shown: covered, blocked })}</p>
      )}
      <ol class="group-list">
        {shown.map((g) => (
          <li key={g.key} class="group" data-testid="group">
            <span class="group-count" aria-label={t('popup_group_times', { count: String(g.count) })}>×{w.num(g.count)}</span>
            <div class="group-body">
              <div class="group-endpoint mono wrap">
                <span class="group-method">{g.methods.join('/')}</span> {g.endpoint}
              </div>
              <div class="group-reason">
                {g.code && <code class="group-code">{g.code}</code>} <span>{tm(g.summary)}</span>
              </div>
            </div>
          </li>
        ))}
      </ol>
      {hidden > 0 && <p class="muted small">{t('popup_groups_more', { count: hidden })}</p>}
    </section>
  );
}
