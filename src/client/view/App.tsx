// The sidebar's shell: a tab bar (Registrar | Panel) over the recording view or the Panel, the footer, and
// the confirmation dialog of either over it. Every text from cells or errors is a JSX text child, so Preact
// escapes it; no HTML is built from strings.

import { useRef } from 'preact/hooks';
import type { SidebarController } from '../controller';
import { translator } from '../i18n';
import type { View } from '../panelState';
import type { ScreenState } from '../state';
import { ConfirmDialog } from './ConfirmDialog';
import { Footer } from './Footer';
import { PanelView } from './PanelView';
import type { Today } from './parts';
import { RecordView } from './RecordView';
import { ReleaseDialog } from './ReleaseDialog';
import { Tabs } from './Tabs';

interface Props {
  state: ScreenState;
  controller: SidebarController;
  today: Today;
}

export function App({ state, controller, today }: Props) {
  const tr = translator(state.locale);
  // FINALIZAR (in the recording view) gets the focus back when the dialog closes.
  const finishButton = useRef<HTMLButtonElement>(null);
  const releasing = state.view === 'panel' && state.panel.draft?.confirming === true;
  const confirming = state.view === 'record' && state.confirming;
  const views: Array<{ id: View; text: string }> = [
    { id: 'record', text: tr.t('view.record') },
    { id: 'panel', text: tr.t('view.panel') },
  ];
  const parts = { state, controller, tr, today };
  return (
    <div class="app">
      <div class="screen" inert={confirming || releasing}>
        <Tabs
          label={tr.t('view.label')}
          idPrefix="view"
          tabs={views}
          current={state.view}
          onSelect={(view) => void controller.panel.showView(view)}
        >
          {state.view === 'record' ? (
            <RecordView {...parts} finishButton={finishButton} />
          ) : (
            <PanelView {...parts} />
          )}
        </Tabs>
        <Footer {...parts} />
      </div>
      {confirming && <ConfirmDialog {...parts} />}
      {releasing && <ReleaseDialog {...parts} />}
    </div>
  );
}
