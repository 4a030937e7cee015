// Mi día: the worker chosen in Registrar, a date (today by default), what they recorded that day per spool
// and operation, and the day's totals.

import { DATE_FIELD_PATTERN } from '../panelState';
import { dayEntryText, dayHeading, dayTotals } from '../panelTexts';
import { currentWorker } from '../state';
import type { PartProps } from './parts';
import { PanelWarnings } from './PanelView';

export function DayPanel({ state, controller, tr }: PartProps) {
  const panel = state.panel;
  const worker = currentWorker(state);
  const day = panel.day;
  return (
    <section class="panel-section" aria-labelledby="day-heading">
      <form
        class="card form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void controller.panel.loadDay();
        }}
      >
        <label class="label" for="day-date">
          {tr.t('day.date')}
        </label>
        <div class="row">
          {/* A text field in DD-MM-YYYY, the format of every date on this screen and in the sheet (the
              browser's date input would show the device's format). */}
          <input
            id="day-date"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            size={10}
            pattern={DATE_FIELD_PATTERN}
            placeholder={tr.t('day.datePlaceholder')}
            aria-describedby={panel.dateError ? 'day-date-help day-date-error' : 'day-date-help'}
            aria-invalid={panel.dateError ? 'true' : undefined}
            value={panel.date}
            onInput={(e) => controller.panel.setDate((e.currentTarget as HTMLInputElement).value)}
          />
          <button
            type="submit"
            class="button"
            disabled={!worker || panel.busy !== null}
            aria-describedby={worker ? undefined : 'day-heading'}
          >
            {tr.t('day.show')}
          </button>
        </div>
        <p id="day-date-help" class="hint">
          {tr.t('day.dateHelp')}
        </p>
        {panel.dateError && (
          <p id="day-date-error" class="field-error" role="alert">
            {tr.t('day.dateInvalid', { text: panel.date.trim() })}
          </p>
        )}
      </form>
      {day ? (
        <>
          <h2 id="day-heading" class="section-head">
            {dayHeading(day, false, true, tr)}
          </h2>
          <PanelWarnings warnings={day.warnings} heading={tr.t('panel.warnings')} />
          {day.entries.length === 0 ? (
            <p class="empty-note">{tr.t('day.empty')}</p>
          ) : (
            <ul class="entries">
              {day.entries.map((entry) => (
                <li class="card entry" key={entry.tagSpool + entry.operation}>
                  <strong class="tag">{entry.tagSpool}</strong>
                  <span class={'op-badge ' + entry.operation.toLowerCase()}>{entry.operation}</span>
                  {entry.ot !== '' && <span class="hint"> {tr.t('day.ot', { ot: entry.ot })}</span>}
                  <p class="entry-line">{dayEntryText(entry, tr)}</p>
                </li>
              ))}
            </ul>
          )}
          {day.entries.length > 0 && (
            <section class="card totals" aria-labelledby="day-totals">
              <p id="day-totals" class="label">
                {tr.t('day.totals')}
              </p>
              {dayTotals(day, tr).map((line) => (
                <p class="total" key={line}>
                  {line}
                </p>
              ))}
            </section>
          )}
        </>
      ) : (
        <h2 id="day-heading" class="section-head">
          {dayHeading(null, panel.busy === 'day', worker !== null, tr)}
        </h2>
      )}
    </section>
  );
}
