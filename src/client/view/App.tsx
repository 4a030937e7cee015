// The sidebar's view: Preact components over the screen state. Every text from cells or errors is a JSX
// text child, so Preact escapes it; no HTML is ever built from strings.

import { useEffect, useRef } from 'preact/hooks';
import type { Operation } from '../../domain/operation';
import type { SidebarController } from '../controller';
import { translator, type Locale, type Translator } from '../i18n';
import type { SpoolView, UnionItem } from '../serverApi';
import * as S from '../state';
import type { ScreenState } from '../state';
import {
  confirmLabelKey,
  errorText,
  outcomeLines,
  planLineText,
  spoolStateText,
  spoolTone,
  unionLabel,
  unionNote,
} from '../texts';

type Today = { day: number; month: number; year: number };

interface Props {
  state: ScreenState;
  controller: SidebarController;
  today: Today;
}

export function App({ state, controller, today }: Props) {
  const tr = translator(state.locale);
  const finishButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Focus goes back to FINALIZAR when the dialog closes.
    if (wasConfirming.current && !state.confirming) finishButton.current?.focus();
    wasConfirming.current = state.confirming;
  }, [state.confirming]);

  return (
    <div class="app">
      <div class="screen" inert={state.confirming}>
        <Form state={state} controller={controller} tr={tr} />
        <Messages state={state} controller={controller} tr={tr} />
        {state.list && <Spools state={state} controller={controller} tr={tr} today={today} />}
        <Actions state={state} controller={controller} tr={tr} finishButton={finishButton} />
        <Job state={state} controller={controller} tr={tr} />
        <Footer state={state} controller={controller} tr={tr} />
      </div>
      {state.confirming && <ConfirmDialog state={state} controller={controller} tr={tr} />}
    </div>
  );
}

interface PartProps {
  state: ScreenState;
  controller: SidebarController;
  tr: Translator;
}

function Form({ state, controller, tr }: PartProps) {
  const workers = S.workersFor(state.boot, state.operation);
  const why = S.availability(state);
  const operations: Operation[] = ['ARM', 'SOLD'];
  return (
    <section class="card form">
      <div class="field">
        <span id="op-label" class="label">
          {tr.t('field.operation')}
        </span>
        <div role="radiogroup" aria-labelledby="op-label" class="segmented">
          {operations.map((op) => (
            <label class={state.operation === op ? 'segment on' : 'segment'} key={op}>
              <input
                type="radio"
                name="operation"
                value={op}
                checked={state.operation === op}
                disabled={state.busy !== null}
                onChange={() => controller.setOperation(op)}
              />
              <span>{op}</span>
            </label>
          ))}
        </div>
      </div>
      <div class="field">
        <label class="label" for="worker">
          {tr.t('field.worker')}
        </label>
        <select
          id="worker"
          value={state.workerId === null ? '' : String(state.workerId)}
          disabled={state.boot === null}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            controller.setWorker(value === '' ? null : Number(value));
          }}
        >
          <option value="">{tr.t('field.workerPlaceholder')}</option>
          {workers.map((w) => (
            <option value={String(w.id)} key={w.id}>
              {w.display + ' ' + w.nombre}
            </option>
          ))}
        </select>
        {state.boot && workers.length === 0 && (
          <p class="hint">{tr.t('field.workerNone', { op: state.operation })}</p>
        )}
      </div>
      <form
        class="field"
        onSubmit={(e) => {
          e.preventDefault();
          void controller.search();
        }}
      >
        <label class="label" for="ot">
          {tr.t('field.ot')}
        </label>
        <div class="row">
          <input
            id="ot"
            type="text"
            inputMode="text"
            autoComplete="off"
            maxLength={50}
            value={state.otInput}
            onInput={(e) => controller.setOt((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="button" disabled={why.search !== null}>
            {tr.t('button.search')}
          </button>
        </div>
        {state.recentOts.length > 0 && (
          <div class="recent">
            <span class="hint">{tr.t('recent.label')}</span>
            {state.recentOts.map((ot) => (
              <button
                type="button"
                class="chip"
                key={ot}
                aria-label={tr.t('recent.load', { ot })}
                disabled={state.busy !== null}
                onClick={() => void controller.loadRecent(ot)}
              >
                {ot}
              </button>
            ))}
          </div>
        )}
      </form>
    </section>
  );
}

function Messages({ state, controller, tr }: PartProps) {
  const busyKey =
    state.busy === 'bootstrap'
      ? 'starting'
      : state.busy === 'load' || state.busy === 'job'
        ? 'loading'
        : state.busy
          ? 'working'
          : null;
  const lines = busyKey ? [tr.t(busyKey)] : state.outcome ? outcomeLines(state.outcome, tr) : [];
  return (
    <div>
      <div role="status" class={lines.length > 0 ? 'status' : 'status empty'}>
        {lines.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
      {state.error && (
        <div role="alert" class="alert">
          <p>{errorText(state.error, tr)}</p>
          <div class="row">
            {S.retryable(state.error) && (
              <button
                type="button"
                class="button"
                disabled={state.busy !== null}
                onClick={() => void controller.retry()}
              >
                {tr.t('button.retry')}
              </button>
            )}
            <button type="button" class="button quiet" onClick={() => controller.dismissError()}>
              {tr.t('button.dismiss')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function Spools({ state, controller, tr, today }: PartProps & { today: Today }) {
  const list = state.list!;
  const me = S.currentWorker(state)?.display ?? null;
  const chosen = new Set(state.selected);
  return (
    <section class="spools" aria-labelledby="spools-heading">
      <h2 id="spools-heading">{tr.t('spools.heading', { ot: list.ot })}</h2>
      {list.warnings.length > 0 && (
        <div class="warnings">
          <p class="label">{tr.t('warnings.heading')}</p>
          <ul>
            {list.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {S.spoolCards(state).map(({ tag, spool, unions }) => {
        return (
          <article class="card spool" key={tag}>
            <SpoolHeader
              tag={tag}
              spool={spool}
              state={state}
              controller={controller}
              tr={tr}
              me={me}
              today={today}
            />
            {unions.length === 0 ? (
              <p class="hint">{tr.t('spool.noUnions')}</p>
            ) : (
              <ul class="unions">
                {unions.map((u) => (
                  <UnionRow
                    key={u.key}
                    union={u}
                    checked={chosen.has(u.key)}
                    state={state}
                    controller={controller}
                    tr={tr}
                    today={today}
                  />
                ))}
              </ul>
            )}
          </article>
        );
      })}
    </section>
  );
}

function SpoolHeader(
  props: PartProps & { tag: string; spool: SpoolView | undefined; me: string | null; today: Today },
) {
  const { tag, spool, state, controller, tr, me, today } = props;
  // The tag has the card's whole width (it must read in one piece); state and INICIAR share the line below.
  return (
    <header class="spool-head">
      <strong class="tag">{tag}</strong>
      {spool && (
        <div class="spool-state">
          <span class={'pill ' + spoolTone(spool, me)}>{spoolStateText(spool, me, tr, today)}</span>
          {S.mayStart(state, spool) && (
            <button
              type="button"
              class="button"
              aria-label={tr.t('button.start') + ' ' + tag}
              disabled={state.busy !== null}
              onClick={() => void controller.startSpool(tag)}
            >
              {tr.t('button.start')}
            </button>
          )}
        </div>
      )}
      {spool && spool.estadoDetalle !== '' && <p class="hint">{spool.estadoDetalle}</p>}
    </header>
  );
}

function UnionRow(props: PartProps & { union: UnionItem; checked: boolean; today: Today }) {
  const { union, checked, state, controller, tr, today } = props;
  const note = unionNote(union, state.operation, tr, today);
  const done = (state.operation === 'ARM' ? union.arm : union.sol).done;
  const id = 'u-' + union.key.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <li class={done ? 'union done' : union.disponible ? 'union' : 'union blocked'}>
      <label for={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={!union.disponible || state.busy !== null}
          onChange={() => controller.toggleUnion(union.key)}
        />
        <span class="union-text">
          <span class="union-main">{unionLabel(union, tr)}</span>
          {note !== '' && <span class="note">{note}</span>}
        </span>
      </label>
    </li>
  );
}

function Actions({
  state,
  controller,
  tr,
  finishButton,
}: PartProps & { finishButton: { current: HTMLButtonElement | null } }) {
  const why = S.availability(state);
  const summary = S.selectionSummary(state);
  return (
    <section class="card actions">
      {state.list && (
        <p class="summary">
          {tr.t('summary', { n: summary.selected, of: summary.of, pulgadas: summary.pulgadas })}
        </p>
      )}
      <div class="row">
        <button
          type="button"
          class="button"
          disabled={why.selectAvailable !== null}
          onClick={() => controller.selectAvailable()}
        >
          {tr.t('button.selectAvailable')}
        </button>
        {state.selected.length > 0 && (
          <button
            type="button"
            class="button quiet"
            disabled={state.busy !== null}
            onClick={() => controller.clearSelection()}
          >
            {tr.t('button.clearSelection')}
          </button>
        )}
      </div>
      <button
        type="button"
        class="button primary wide"
        ref={finishButton}
        disabled={why.finish !== null}
        aria-describedby={why.finish ? 'finish-why' : undefined}
        onClick={() => controller.askFinish()}
      >
        {tr.t('button.finish')}
      </button>
      {why.finish && (
        <p id="finish-why" class="hint">
          {tr.t(why.finish)}
        </p>
      )}
    </section>
  );
}

function ConfirmDialog({ state, controller, tr }: PartProps) {
  const dialog = useRef<HTMLDivElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const plan = S.finishPlan(state);
  const released = S.releasedByFinish(state);
  const worker = S.currentWorker(state);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      controller.cancelFinish();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    // Keep focus inside the dialog.
    const focusable = Array.from(dialog.current.querySelectorAll<HTMLElement>('button:not([disabled])'));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <div class="backdrop">
      <div
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-body"
        ref={dialog}
        onKeyDown={onKeyDown}
      >
        <h2 id="confirm-title">{tr.t('confirm.title', { op: state.operation, ot: state.list?.ot ?? '' })}</h2>
        <div id="confirm-body">
          <p>{tr.t('confirm.intro', { who: worker ? worker.display + ' ' + worker.nombre : '' })}</p>
          <ul class="plan">
            {plan.map((line) => (
              <li key={line.tagSpool} class={'plan-' + line.action.toLowerCase()}>
                {planLineText(line, tr)}
              </li>
            ))}
          </ul>
          {released.length > 0 && <p class="hint">{tr.t('confirm.note', { tags: released.join(', ') })}</p>}
        </div>
        <div class="row end">
          <button type="button" class="button quiet" onClick={() => controller.cancelFinish()}>
            {tr.t('button.back')}
          </button>
          <button
            type="button"
            class="button primary"
            ref={confirm}
            disabled={state.busy !== null}
            onClick={() => void controller.confirmFinish()}
          >
            {tr.t(confirmLabelKey(plan))}
          </button>
        </div>
      </div>
    </div>
  );
}

function Job({ state, controller, tr }: PartProps) {
  const job = state.job;
  const running = state.busy === 'job';
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
    </section>
  );
}

function Footer({ state, controller, tr }: PartProps) {
  const locales: Locale[] = ['es', 'en'];
  return (
    <footer class="footer">
      <label class="label" for="language">
        {tr.t('language.label')}
      </label>
      <select
        id="language"
        value={state.locale}
        onChange={(e) => controller.setLocale((e.currentTarget as HTMLSelectElement).value as Locale)}
      >
        {locales.map((l) => (
          <option value={l} key={l}>
            {tr.t(('language.' + l) as 'language.es')}
          </option>
        ))}
      </select>
    </footer>
  );
}
