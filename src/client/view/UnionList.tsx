// The unions of one spool: a checkbox each (disabled when it cannot be ticked), its key, DN and type, and
// who did it when, or why it cannot be selected.

import type { UnionItem } from '../serverApi';
import * as S from '../state';
import { unionLabel, unionNote } from '../texts';
import type { PartProps, Today } from './parts';

export function UnionList(props: PartProps & { unions: UnionItem[]; today: Today }) {
  const { unions, state } = props;
  const chosen = new Set(state.selected);
  return (
    <ul class="unions">
      {unions.map((u) => (
        <UnionRow key={u.key} {...props} union={u} checked={chosen.has(u.key)} />
      ))}
    </ul>
  );
}

function UnionRow(props: PartProps & { union: UnionItem; checked: boolean; today: Today }) {
  const { union, checked, state, controller, tr, today } = props;
  // Disponible, but its spool is someone else's: the spool's card says why (the server would skip it).
  const selectable = S.isSelectable(state, union);
  const note = unionNote(union, state.operation, tr, today);
  const done = (state.operation === 'ARM' ? union.arm : union.sol).done;
  const id = 'u-' + union.key.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <li class={done ? 'union done' : selectable ? 'union' : 'union blocked'}>
      <label for={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={!selectable || state.busy !== null}
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
