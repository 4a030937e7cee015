// Historial: a spool typed or picked among the occupied ones, its work sessions (INICIAR to what ended them)
// and its events, newest first.

import { eventLines, sessionLines } from '../panelTexts';
import type { PartProps, Today } from './parts';
import { PanelWarnings } from './PanelView';

export function HistoryPanel({ state, controller, tr, today }: PartProps & { today: Today }) {
  const panel = state.panel;
  const history = panel.history;
  const picks = panel.occupied?.spools.map((s) => s.tagSpool) ?? [];
  return (
    <section class="panel-section" aria-labelledby="history-heading">
      <form
        class="card form"
        onSubmit={(e) => {
          e.preventDefault();
          void controller.panel.loadHistory();
        }}
      >
        <label class="label" for="history-spool">
          {tr.t('history.spool')}
        </label>
        <input
          id="history-spool"
          type="text"
          autoComplete="off"
          maxLength={80}
          value={panel.spoolInput}
          onInput={(e) => controller.panel.setSpoolInput((e.currentTarget as HTMLInputElement).value)}
        />
        <button
          type="submit"
          class="button wide"
          disabled={panel.busy !== null || panel.spoolInput.trim() === ''}
        >
          {tr.t('history.show')}
        </button>
        {picks.length > 0 && (
          <div class="recent">
            <span class="hint">{tr.t('history.pick')}</span>
            {picks.map((tag) => (
              <button
                type="button"
                class="chip"
                key={tag}
                aria-label={tr.t('button.historyNamed', { tag })}
                disabled={panel.busy !== null}
                onClick={() => void controller.panel.openHistory(tag)}
              >
                {tag}
              </button>
            ))}
          </div>
        )}
      </form>
      {history ? (
        <>
          <h2 id="history-heading" class="section-head">
            {tr.t('button.historyNamed', { tag: history.tagSpool })}
          </h2>
          <PanelWarnings warnings={history.warnings} heading={tr.t('panel.warnings')} />
          {history.events.length === 0 ? (
            <p class="empty-note">{tr.t('history.empty', { tag: history.tagSpool })}</p>
          ) : (
            <>
              <section class="card" aria-labelledby="sessions-heading">
                <p id="sessions-heading" class="label">
                  {tr.t('history.sessions')}
                </p>
                {history.sessions.length === 0 ? (
                  <p class="hint">{tr.t('history.noSessions')}</p>
                ) : (
                  <ul class="lines">
                    {history.sessions.map((session, i) => {
                      const lines = sessionLines(session, tr, today);
                      return (
                        <li key={i} class={'session ' + session.outcome.replace(' ', '-')}>
                          <span class="line-main">{lines.who}</span>
                          <span class="note">{lines.span}</span>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </section>
              <section class="card" aria-labelledby="events-heading">
                <p id="events-heading" class="label">
                  {tr.t('history.events')}
                </p>
                <ul class="lines">
                  {history.events.map((event, i) => {
                    const lines = eventLines(event, tr, today);
                    return (
                      <li key={i}>
                        <span class="note">{lines.when}</span>
                        <span class="line-main">{lines.what}</span>
                      </li>
                    );
                  })}
                </ul>
                {history.truncated && (
                  <p class="hint">{tr.t('history.truncated', { n: history.events.length })}</p>
                )}
              </section>
            </>
          )}
        </>
      ) : (
        <h2 id="history-heading" class="section-head">
          {panel.busy === 'history' ? tr.t('history.loading') : tr.t('history.notLoaded')}
        </h2>
      )}
    </section>
  );
}
