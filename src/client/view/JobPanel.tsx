// Recalcular métricas: the button, Cancelar while it runs, the progress bar with its text, and the
// server's warnings.

import * as S from '../state';
import type { PartProps } from './parts';

export function JobPanel({ state, controller, tr }: PartProps) {
  const job = state.job;
  const running = state.busy === 'job';
  // Saved, but something after the commit failed (the server says what): shown as a warning.
  const warnings = S.warningsOf(job);
  const total = job && job.total > 0 ? job.total : 1;
  const value = job ? (job.state === 'done' ? total : Math.min(job.processed, total)) : 0;
  const eta =
    job && running && typeof job.etaMs === 'number' ? Math.max(1, Math.round(job.etaMs / 60000)) : null;
  const text = running
    ? eta !== null && job
      ? tr.t('job.eta', { processed: job.processed, total: job.total, minutes: eta })
      : tr.t('job.running')
    : job
      ? job.message
      : tr.t('job.idle');
  return (
    <section class="card job">
      <button
        type="button"
        class="button"
        disabled={state.busy !== null}
        onClick={() => void controller.recomputeMetrics()}
      >
        {tr.t('button.recompute')}
      </button>
      {running ? (
        <button type="button" class="button secondary" onClick={() => void controller.cancelJob()}>
          {tr.t('button.cancelJob')}
        </button>
      ) : null}
      <div
        role="progressbar"
        class={running ? 'bar running' : 'bar'}
        aria-label={tr.t('job.label')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={running && !job ? undefined : value}
        aria-valuetext={
          job && !running ? tr.t('job.progress', { processed: job.processed, total: job.total }) : undefined
        }
      >
        <div class="fill" style={{ width: (running && !job ? 100 : (value / total) * 100) + '%' }} />
      </div>
      <p class="hint">{text}</p>
      {warnings.length > 0 && (
        <ul class="warnings">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {job && !running && tr.t('server.spanish') !== '' && <p class="hint">{tr.t('server.spanish')}</p>}
    </section>
  );
}
