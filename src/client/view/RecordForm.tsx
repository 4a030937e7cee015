// The form on top of the recording view: ARM or SOLD, the worker, the OT typed or a recent one.

import type { Operation } from '../../domain/operation';
import * as S from '../state';
import type { PartProps } from './parts';

export function RecordForm({ state, controller, tr }: PartProps) {
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
