// The Panel beside the recording form (issue 16 §10): Mi día, Ocupados, Historial, a status line saying
// what is loading or what a release did, the error of a failed call, and the release confirmation.

import type { PanelTab } from '../panelState';
import { releaseDoneText } from '../panelTexts';
import { DayPanel } from './DayPanel';
import { HistoryPanel } from './HistoryPanel';
import { OccupiedPanel } from './OccupiedPanel';
import { PanelErrorBox } from './PanelErrorBox';
import type { PartProps, Today } from './parts';
import { Tabs } from './Tabs';
import { CapacityCard } from './CapacityCard';

export function PanelView(props: PartProps & { today: Today }) {
  const { state, controller, tr } = props;
  const panel = state.panel;
  const tabs: Array<{ id: PanelTab; text: string }> = [
    { id: 'day', text: tr.t('panel.day') },
    { id: 'occupied', text: tr.t('panel.occupied') },
    { id: 'history', text: tr.t('panel.history') },
  ];
  const busyText =
    panel.busy === 'day'
      ? tr.t('day.loading')
      : panel.busy === 'occupied'
        ? tr.t('occupied.loading')
        : panel.busy === 'history'
          ? tr.t('history.loading')
          : panel.busy === 'release'
            ? tr.t('release.working')
            : panel.busy === 'summary'
              ? tr.t('capacity.loading')
              : '';
  const note = busyText || (panel.released ? releaseDoneText(panel.released, tr) : '');
  return (
    <Tabs
      label={tr.t('panel.label')}
      idPrefix="panel"
      tabs={tabs}
      current={panel.tab}
      onSelect={(tab) => void controller.panel.showTab(tab)}
    >
      <div role="status" class={note ? (panel.busy ? 'status busy' : 'status') : 'status empty'}>
        {note && <p>{note}</p>}
      </div>
      <PanelErrorBox {...props} />
      {panel.tab === 'day' && <DayPanel {...props} />}
      {panel.tab === 'occupied' && <OccupiedPanel {...props} />}
      {panel.tab === 'history' && <HistoryPanel {...props} />}
      <CapacityCard {...props} />
    </Tabs>
  );
}

/** The cells an answer could not read, named by the server (Spanish). */
export function PanelWarnings({ warnings, heading }: { warnings: readonly string[]; heading: string }) {
  if (warnings.length === 0) return null;
  return (
    <div class="warnings">
      <p class="label">{heading}</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </div>
  );
}
