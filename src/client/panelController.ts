// Runs the Panel's intents (issue 16 §10): one server call per tap (a release two: it reads the occupied list
// again after), a second tap while a call runs ignored, Reintentar resending the failed intent unchanged
// (a release with its requestId, so it is never written twice).

import type { PanelIntent, PanelState, PanelTab, View } from './panelState';
import * as P from './panelState';
import { toCallError, type ServerClient } from './serverClient';
import { currentWorker, type ScreenState } from './state';

/** The screen the Panel reads and changes: SidebarController's state and its setter. */
export interface PanelHost {
  readonly state: ScreenState;
  set(next: ScreenState): void;
}

export interface PanelDeps {
  client: ServerClient;
  /** A new id for each release (8–100 of A–Z a–z 0–9 _ -). */
  newRequestId: () => string;
  /** The clock (ms), for the date field's default: today in the spreadsheet's time zone. */
  now: () => number;
}

export class PanelActions {
  constructor(
    private readonly host: PanelHost,
    private readonly deps: PanelDeps,
  ) {}

  private get panel(): PanelState {
    return this.host.state.panel;
  }

  private update(change: (panel: PanelState) => PanelState): void {
    const panel = change(this.panel);
    if (panel !== this.panel) this.host.set({ ...this.host.state, panel });
  }

  // ---- plain edits ----

  setDate(date: string): void {
    this.update((p) => P.withDate(p, date));
  }

  setSpoolInput(text: string): void {
    this.update((p) => P.withSpoolInput(p, text));
  }

  askRelease(tagSpool: string): void {
    this.update((p) => P.askRelease(p, tagSpool));
  }

  setReason(reason: string): void {
    this.update((p) => P.withReason(p, reason));
  }

  /** Continuar: the confirmation opens (no call yet). */
  reviewRelease(): void {
    if (P.releaseBlocker(this.panel, currentWorker(this.host.state)?.id ?? null) !== null) return;
    this.update(P.reviewRelease);
  }

  backToReason(): void {
    this.update(P.backToReason);
  }

  dropRelease(): void {
    this.update(P.dropRelease);
  }

  dismissError(): void {
    this.update(P.dismissPanelError);
  }

  // ---- navigation (a view or section shown loads what it shows: one call) ----

  /** Registrar or Panel. Opening the Panel loads its section (the day needs a worker chosen). */
  showView(view: View): Promise<void> {
    const state = this.host.state;
    if (view === state.view) return Promise.resolve();
    this.host.set({ ...state, view });
    if (view === 'record') return Promise.resolve();
    if (this.panel.date === '')
      this.update((p) => P.withDate(p, P.todayField(this.deps.now(), state.boot?.timeZone)));
    // The capacity read goes first and alongside (never waited for, never blocking the section's call).
    void this.loadCapacity();
    return this.loadTab();
  }

  /**
   * The capacity line the last Resumen refresh wrote (a cheap read, no rewrite), read each time the Panel is
   * opened beside the section's call: the menu or the hourly trigger may have created or refreshed Resumen
   * meanwhile, which the sidebar cannot know. The line shown stays until the answer replaces it; a failure is
   * said in the card and leaves Actualizar Resumen to recompute it.
   */
  private async loadCapacity(): Promise<void> {
    if (this.panel.capacity.status === 'loading') return;
    // An Actualizar Resumen answered while this read ran is newer than what it reads: it stays shown.
    const summaryBefore = this.panel.summary;
    this.update((p) => P.withCapacity(p, { ...p.capacity, status: 'loading', detail: '' }));
    try {
      const view = await this.deps.client.call('apiLastCapacity');
      this.update((p) =>
        P.withCapacity(p.summary === summaryBefore ? { ...p, summary: null } : p, {
          status: 'ready',
          view,
          detail: '',
        }),
      );
    } catch (error) {
      const failure = toCallError(error);
      this.update((p) => P.withCapacity(p, { status: 'failed', view: null, detail: failure.detail }));
    }
  }

  /** Mi día, Ocupados or Historial; Mi día and Ocupados load, Historial waits for a spool. */
  showTab(tab: PanelTab): Promise<void> {
    if (tab === this.panel.tab) return Promise.resolve();
    this.update((p) => P.withTab(p, tab));
    return this.loadTab();
  }

  private loadTab(): Promise<void> {
    if (this.panel.tab === 'day') return this.loadDay();
    if (this.panel.tab === 'occupied') return this.loadOccupied();
    return Promise.resolve();
  }

  // ---- intents that call the server ----

  /** Ver día: the chosen worker's day at the date field's date (today when the field is empty). */
  loadDay(): Promise<void> {
    const worker = currentWorker(this.host.state);
    if (!worker) return Promise.resolve();
    const typed = this.panel.date.trim();
    const date = P.fieldToDay(typed);
    if (typed !== '' && date === '') {
      this.update(P.withDateError);
      return Promise.resolve();
    }
    return this.run({ kind: 'day', request: date ? { workerId: worker.id, date } : { workerId: worker.id } });
  }

  loadOccupied(): Promise<void> {
    return this.run({ kind: 'occupied' });
  }

  /** Confirmar liberación: one new requestId for this release; the occupied list is read again after. */
  confirmRelease(): Promise<void> {
    const draft = this.panel.draft;
    const worker = currentWorker(this.host.state);
    if (!draft?.confirming || !worker || this.panel.busy) return Promise.resolve();
    return this.run({
      kind: 'release',
      request: {
        tagSpool: draft.tagSpool,
        workerId: worker.id,
        reason: draft.reason.trim(),
        requestId: this.deps.newRequestId(),
      },
    });
  }

  /** Ver historial of the spool typed. */
  loadHistory(): Promise<void> {
    const tagSpool = this.panel.spoolInput.trim();
    if (tagSpool === '') return Promise.resolve();
    return this.run({ kind: 'history', request: { tagSpool } });
  }

  /** A spool picked (an occupied card's Historial, a chip): Historial shows it. */
  openHistory(tagSpool: string): Promise<void> {
    if (this.panel.busy) return Promise.resolve();
    this.update((p) => P.withSpoolInput(P.withTab(p, 'history'), tagSpool));
    return this.loadHistory();
  }

  /** Actualizar Resumen: the Resumen sheet rewritten, its capacity line shown (issue 16 §8). */
  refreshSummary(): Promise<void> {
    return this.run({ kind: 'summary' });
  }

  /** Reintentar / Recargar: the failed intent again, unchanged. */
  retry(): Promise<void> {
    const error = this.panel.error;
    if (!error || this.panel.busy || P.panelErrorAction(error) === null) return Promise.resolve();
    return this.run(error.retry);
  }

  private async run(intent: PanelIntent): Promise<void> {
    if (this.panel.busy) return;
    this.update((p) => P.beginPanel(p, intent));
    try {
      await this.execute(intent);
    } catch (error) {
      const failure = toCallError(error);
      // A release refused because the spool is no longer held: the list was stale, Recargar reads it again.
      const retry: PanelIntent =
        intent.kind === 'release' && failure.code === 'CONFLICT' ? { kind: 'occupied' } : intent;
      this.update((p) => P.panelFailed(p, { code: failure.code, detail: failure.detail, retry }));
    }
  }

  private async execute(intent: PanelIntent): Promise<void> {
    const { client } = this.deps;
    switch (intent.kind) {
      case 'day': {
        const day = await client.call('apiWorkerDay', intent.request);
        this.update((p) => P.withDay(p, day));
        return;
      }
      case 'occupied': {
        const occupied = await client.call('apiOccupiedSpools');
        this.update((p) => P.withOccupied(p, occupied));
        return;
      }
      case 'release': {
        const released = await client.call('apiReleaseSpool', intent.request);
        this.update((p) => P.withReleased(p, released));
        // The list is read again (others may have taken or freed spools meanwhile); its failure says so
        // with Reintentar on the list, the release note stays.
        this.update((p) => ({ ...p, busy: 'occupied' }));
        try {
          const occupied = await client.call('apiOccupiedSpools');
          this.update((p) => P.withOccupied(p, occupied));
        } catch (error) {
          const failure = toCallError(error);
          const retry: PanelIntent = { kind: 'occupied' };
          this.update((p) => P.panelFailed(p, { code: failure.code, detail: failure.detail, retry }));
        }
        return;
      }
      case 'summary': {
        const summary = await client.call('apiRefreshSummary');
        this.update((p) => P.withSummary(p, summary));
        return;
      }
      case 'history': {
        const history = await client.call('apiSpoolHistory', intent.request);
        this.update((p) => P.withHistory(p, history));
        return;
      }
    }
  }
}
