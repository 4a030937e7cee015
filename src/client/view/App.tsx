// The sidebar's shell: one top-level view (recording unions) above the footer, and the confirmation dialog
// over it. Every text from cells or errors is a JSX text child, so Preact escapes it; no HTML is built from
// strings. A second top-level view (a panel beside the recording form) goes next to RecordView here.

import { useRef } from 'preact/hooks';
import type { SidebarController } from '../controller';
import { translator } from '../i18n';
import type { ScreenState } from '../state';
import { ConfirmDialog } from './ConfirmDialog';
import { Footer } from './Footer';
import type { Today } from './parts';
import { RecordView } from './RecordView';

interface Props {
  state: ScreenState;
  controller: SidebarController;
  today: Today;
}

export function App({ state, controller, today }: Props) {
  const tr = translator(state.locale);
  // FINALIZAR (in the recording view) gets the focus back when the dialog closes.
  const finishButton = useRef<HTMLButtonElement>(null);
  return (
    <div class="app">
      <div class="screen" inert={state.confirming}>
        <RecordView state={state} controller={controller} tr={tr} today={today} finishButton={finishButton} />
        <Footer state={state} controller={controller} tr={tr} />
      </div>
      {state.confirming && <ConfirmDialog state={state} controller={controller} tr={tr} />}
    </div>
  );
}
