// Ocupados: every spool someone holds, oldest first, the stale ones marked in words and colour; Liberar
// asks for a reason, then a confirmation (ReleaseDialog); Historial opens the spool's history.

import { useEffect, useRef } from 'preact/hooks';
import type { MessageKey } from '../i18n';
import { occupiedLines } from '../panelTexts';
import { releaseBlocker } from '../panelState';
import type { OccupiedSpoolView } from '../serverApi';
import { currentWorker } from '../state';
import type { PartProps, Today } from './parts';
import { PanelWarnings } from './PanelView';

export function OccupiedPanel(props: PartProps & { today: Today }) {
  const { state, controller, tr } = props;
  const panel = state.panel;
  const list = panel.occupied;
  return (
    <section class="panel-section" aria-labelledby="occupied-heading">
      <div class="row spread">
        <h2 id="occupied-heading" class="section-head">
          {list
            ? list.spools.length === 0
              ? tr.t('occupied.empty')
              : list.spools.length === 1
                ? tr.t('occupied.one')
                : tr.t('occupied.count', { n: list.spools.length })
            : panel.busy === 'occupied'
              ? tr.t('occupied.loading')
              : tr.t('occupied.notLoaded')}
        </h2>
        <button
          type="button"
          class="button"
          disabled={panel.busy !== null}
          onClick={() => void controller.panel.loadOccupied()}
        >
          {tr.t('occupied.refresh')}
        </button>
      </div>
      {list && list.spools.length > 0 && (
        <p class="hint">{tr.t('occupied.order', { h: list.staleAfterHours })}</p>
      )}
      {list && <PanelWarnings warnings={list.warnings} heading={tr.t('panel.warnings')} />}
      {list && list.spools.length > 0 && (
        <ul class="occupied-list">
          {list.spools.map((spool) => (
            <OccupiedCard key={spool.tagSpool} spool={spool} {...props} />
          ))}
        </ul>
      )}
    </section>
  );
}

function OccupiedCard({
  spool,
  state,
  controller,
  tr,
  today,
}: PartProps & { today: Today; spool: OccupiedSpoolView }) {
  const panel = state.panel;
  const lines = occupiedLines(spool, tr, today);
  const draft = panel.draft?.tagSpool === spool.tagSpool ? panel.draft : null;
  const worker = currentWorker(state);
  const why = draft ? releaseBlocker(panel, worker?.id ?? null) : null;
  return (
    <li class={spool.stale ? 'card occupied stale' : 'card occupied'}>
      <strong class="tag">{spool.tagSpool}</strong>
      {spool.ot !== '' && <span class="hint">{tr.t('day.ot', { ot: spool.ot })}</span>}
      <p class="entry-line">{lines.holder}</p>
      <p class="entry-line muted">{lines.since}</p>
      {lines.stale && <p class="pill stale-pill">{lines.stale}</p>}
      {!draft && (
        <div class="row card-actions">
          <button
            type="button"
            class="button"
            aria-label={tr.t('button.releaseNamed', { tag: spool.tagSpool })}
            disabled={panel.busy !== null}
            onClick={() => controller.panel.askRelease(spool.tagSpool)}
          >
            {tr.t('button.release')}
          </button>
          <button
            type="button"
            class="button quiet"
            aria-label={tr.t('button.historyNamed', { tag: spool.tagSpool })}
            disabled={panel.busy !== null}
            onClick={() => void controller.panel.openHistory(spool.tagSpool)}
          >
            {tr.t('button.history')}
          </button>
        </div>
      )}
      {draft && <ReleaseForm {...{ state, controller, tr }} tag={spool.tagSpool} why={why} />}
    </li>
  );
}

/** The reason for a release, focused when it opens; Continuar opens the confirmation. */
function ReleaseForm({
  state,
  controller,
  tr,
  tag,
  why,
}: PartProps & { tag: string; why: MessageKey | null }) {
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const reasonId = 'reason-' + tag.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <form
      class="release-form"
      onSubmit={(e) => {
        e.preventDefault();
        controller.panel.reviewRelease();
      }}
    >
      <label class="label" for={reasonId}>
        {tr.t('release.reason')}
      </label>
      <textarea
        id={reasonId}
        rows={2}
        maxLength={500}
        ref={field}
        value={state.panel.draft?.reason ?? ''}
        onInput={(e) => controller.panel.setReason((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {why && <p class="hint">{tr.t(why)}</p>}
      <div class="row end">
        <button type="button" class="button quiet" onClick={() => controller.panel.dropRelease()}>
          {tr.t('button.back')}
        </button>
        <button type="submit" class="button primary" disabled={why !== null || state.panel.busy !== null}>
          {tr.t('release.review')}
        </button>
      </div>
    </form>
  );
}
