// The OT's spools, one card each: the tag, its state (free, yours, taken by whom since when), INICIAR, and
// its unions (UnionList); the rows that could not be read above them.

import type { SpoolView } from '../serverApi';
import * as S from '../state';
import { shortTimesIn, spoolStateText, spoolTone } from '../texts';
import type { PartProps, Today } from './parts';
import { UnionList } from './UnionList';

export function SpoolList({ state, controller, tr, today }: PartProps & { today: Today }) {
  const list = state.list!;
  const me = S.currentWorker(state)?.display ?? null;
  return (
    <section class="spools" aria-labelledby="spools-heading">
      <h2 id="spools-heading">{tr.t('spools.heading', { ot: list.ot })}</h2>
      {list.warnings.length > 0 && (
        <div class="warnings">
          <p class="label">{tr.t('warnings.heading')}</p>
          <ul>
            {list.warnings.map((w, i) => (
              <li key={i}>{shortTimesIn(w, today)}</li>
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
              <UnionList unions={unions} state={state} controller={controller} tr={tr} today={today} />
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
  const other = S.takenByOther(state, tag);
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
      {spool && spool.estadoDetalle !== '' && <p class="hint">{shortTimesIn(spool.estadoDetalle, today)}</p>}
      {other !== null && <p class="taken">{tr.t('spool.takenByOther', { who: other })}</p>}
    </header>
  );
}
