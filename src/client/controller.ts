// Runs the user's intents: each one changes the screen through the named transitions of state.ts and
// makes one server call per tap (INICIAR two: it reads the spool's unions again after). A second tap while a
// call runs is ignored (one request), Reintentar resends the failed intent as it was, with the same
// requestId (nothing written twice), and Recargar loads the OT again after a CONFLICT.

import type { Operation } from '../domain/operation';
import { chooseLocale, type Locale } from './i18n';
import { PanelActions } from './panelController';
import { toCallError, type ServerClient } from './serverClient';
import * as S from './state';
import type { Intent, ScreenState } from './state';

/** Device storage (localStorage in the browser): the last worker per operation, recent OTs, language. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export interface ControllerDeps {
  client: ServerClient;
  store: KeyValueStore;
  /** A new id for each user intent (8–100 of A–Z a–z 0–9 _ -). */
  newRequestId: () => string;
  /** Waits between job status polls. */
  sleep: (ms: number) => Promise<void>;
  /** The clock (ms); Date.now by default. The Panel's date field defaults to today from it. */
  now?: () => number;
}

const KEYS = {
  worker: (op: Operation) => 'sut.worker.' + op,
  recentOts: 'sut.recentOts',
  locale: 'sut.locale',
};

/** Job status is polled this often, at most this many times, while another run holds it. */
const JOB_POLL_MS = 1500;
const JOB_MAX_POLLS = 200;

function readJson<T>(store: KeyValueStore, key: string, fallback: T): T {
  try {
    const text = store.get(key);
    return text === null ? fallback : (JSON.parse(text) as T);
  } catch {
    return fallback;
  }
}

export class SidebarController {
  private current: ScreenState;
  private readonly listeners = new Set<(state: ScreenState) => void>();

  /** A cancel was asked for the running job: no further steps are started. */
  private cancelling = false;

  /** The Panel's actions (panelController.ts), over this same screen state. */
  readonly panel: PanelActions;

  constructor(private readonly deps: ControllerDeps) {
    const recent = readJson<unknown>(deps.store, KEYS.recentOts, []);
    const recentOts = Array.isArray(recent) ? recent.filter((x): x is string => typeof x === 'string') : [];
    this.current = S.initialState(chooseLocale(this.safeGet(KEYS.locale), undefined), recentOts);
    const read = () => this.current;
    const host = {
      get state() {
        return read();
      },
      set: (next: ScreenState) => this.set(next),
    };
    this.panel = new PanelActions(host, {
      client: deps.client,
      newRequestId: deps.newRequestId,
      now: deps.now ?? Date.now,
    });
  }

  get state(): ScreenState {
    return this.current;
  }

  subscribe(listener: (state: ScreenState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: ScreenState): void {
    if (next === this.current) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }

  private safeGet(key: string): string | null {
    try {
      return this.deps.store.get(key);
    } catch {
      return null;
    }
  }

  private safeSet(key: string, value: string): void {
    try {
      this.deps.store.set(key, value);
    } catch {
      // Storage may be blocked (private mode, third-party iframe): remembering is a convenience only.
    }
  }

  private rememberedWorker(op: Operation): number | null {
    const id = Number(this.safeGet(KEYS.worker(op)));
    return Number.isInteger(id) && id > 0 ? id : null;
  }

  // ---- plain edits ----

  setOperation(operation: Operation): void {
    const hadList = this.current.list !== null;
    this.set(S.withOperation(this.current, operation, this.rememberedWorker(operation)));
    // The list is per operation: reload the OT that was shown (one call for this tap).
    if (hadList && this.current.otInput.trim() !== '') void this.search();
  }

  setWorker(workerId: number | null): void {
    this.set(S.withWorker(this.current, workerId));
    if (workerId !== null) this.safeSet(KEYS.worker(this.current.operation), String(workerId));
  }

  setOt(text: string): void {
    this.set(S.withOtInput(this.current, text));
  }

  toggleUnion(key: string): void {
    this.set(S.toggleUnion(this.current, key));
  }

  selectAvailable(): void {
    this.set(S.selectAvailable(this.current));
  }

  clearSelection(): void {
    this.set(S.clearSelection(this.current));
  }

  setLocale(locale: Locale): void {
    this.safeSet(KEYS.locale, locale);
    this.set({ ...this.current, locale });
  }

  dismissError(): void {
    this.set(S.dismissError(this.current));
  }

  /** FINALIZAR opens the confirmation (no call yet). */
  askFinish(): void {
    if (S.availability(this.current).finish !== null) return;
    this.set({ ...this.current, confirming: true });
  }

  cancelFinish(): void {
    this.set({ ...this.current, confirming: false });
  }

  // ---- intents that call the server ----

  start(): Promise<void> {
    return this.run({ kind: 'bootstrap' });
  }

  search(): Promise<void> {
    if (S.availability(this.current).search !== null) return Promise.resolve();
    return this.run({ kind: 'load', ot: this.current.otInput.trim(), operation: this.current.operation });
  }

  /** A recent OT tapped: it becomes the OT typed, and is loaded. */
  loadRecent(ot: string): Promise<void> {
    if (this.current.busy) return Promise.resolve();
    this.set(S.withOtInput(this.current, ot));
    return this.search();
  }

  startSpool(tagSpool: string): Promise<void> {
    const state = this.current;
    const worker = S.currentWorker(state);
    const spool = state.list?.spools.find((s) => s.tagSpool === tagSpool);
    if (state.busy || !worker || !spool || !S.mayStart(state, spool)) return Promise.resolve();
    return this.run({
      kind: 'start',
      request: {
        tagSpool,
        operation: state.operation,
        workerId: worker.id,
        requestId: this.deps.newRequestId(),
        // Where the spool was listed: the server finds its rows with fewer searches (issue 15 §1).
        listedOt: state.list!.ot,
      },
    });
  }

  /** Confirmar: one new requestId for this intent; a second tap while it runs does nothing. */
  confirmFinish(): Promise<void> {
    const state = this.current;
    const worker = S.currentWorker(state);
    if (!state.confirming || state.busy || !worker || !state.list) return Promise.resolve();
    const versions: Record<string, string> = {};
    for (const u of state.list.unions) if (state.selected.includes(u.key)) versions[u.key] = u.version;
    return this.run({
      kind: 'finish',
      request: {
        ot: state.list.ot,
        operation: state.list.operation,
        workerId: worker.id,
        unionKeys: [...state.selected],
        requestId: this.deps.newRequestId(),
        versions,
        listedTags: state.list.spools.map((s) => s.tagSpool),
      },
    });
  }

  recomputeMetrics(): Promise<void> {
    if (this.current.busy) return Promise.resolve();
    this.cancelling = false;
    return this.run({ kind: 'job' });
  }

  /** Cancelar recálculo: the job stops at its next batch; the progress loop ends with the answer. */
  async cancelJob(): Promise<void> {
    if (this.current.busy !== 'job' || this.cancelling) return;
    this.cancelling = true;
    try {
      const status = await this.deps.client.call('apiCancelJob', { kind: 'metrics' });
      this.set(S.withJob(this.current, status, this.current.busy === 'job'));
    } catch (error) {
      this.cancelling = false;
      const failure = toCallError(error);
      this.set(
        S.failed(this.current, { code: failure.code, detail: failure.detail, retry: { kind: 'job' } }),
      );
    }
  }

  /** Reintentar: the failed intent again, unchanged (same requestId). */
  retry(): Promise<void> {
    const error = this.current.error;
    if (!error || this.current.busy || !S.retryable(error)) return Promise.resolve();
    return this.run(error.retry);
  }

  private async run(intent: Intent): Promise<void> {
    if (this.current.busy) return;
    this.set(S.begin(this.current, intent));
    try {
      await this.execute(intent);
    } catch (error) {
      const failure = toCallError(error);
      // A stale list cannot succeed by resending: Recargar reloads the OT instead.
      const retry: Intent = failure.code === 'CONFLICT' ? (this.reloadIntent(intent) ?? intent) : intent;
      this.set(S.failed(this.current, { code: failure.code, detail: failure.detail, retry }, intent));
    }
  }

  /** Loading the OT a failed write was about (null when no list is shown for a start). */
  private reloadIntent(intent: Intent): Intent | null {
    if (intent.kind === 'finish')
      return { kind: 'load', ot: intent.request.ot, operation: intent.request.operation };
    const list = this.current.list;
    if (intent.kind === 'start' && list) return { kind: 'load', ot: list.ot, operation: list.operation };
    return null;
  }

  /**
   * After INICIAR: the OT's unions read again (issue 14 §8), so the selection and the confirmation follow
   * the sheet, not the list loaded before. A failed read keeps the INICIAR outcome and clears the list.
   */
  private async refreshAfterStart(): Promise<void> {
    const list = this.current.list;
    if (!list) return;
    const request = { ot: list.ot, operation: list.operation };
    this.set({ ...this.current, busy: 'load' });
    try {
      const fresh = await this.deps.client.call('apiListUnions', request);
      if (fresh.operation !== this.current.operation) this.set({ ...this.current, busy: null });
      else this.set(S.withRefreshedList(this.current, fresh));
    } catch (error) {
      const failure = toCallError(error);
      const retry: Intent = { kind: 'load', ...request };
      this.set(S.refreshFailed(this.current, { code: failure.code, detail: failure.detail, retry }));
    }
  }

  private async execute(intent: Intent): Promise<void> {
    const { client } = this.deps;
    switch (intent.kind) {
      case 'bootstrap': {
        const boot = await client.call('apiBootstrap');
        const sheetLocale = (boot as { locale?: unknown }).locale;
        const locale = chooseLocale(
          this.safeGet(KEYS.locale),
          typeof sheetLocale === 'string' ? sheetLocale : undefined,
        );
        this.set({
          ...S.withBootstrap(this.current, boot, this.rememberedWorker(this.current.operation)),
          locale,
        });
        return;
      }
      case 'load': {
        const list = await client.call('apiListUnions', { ot: intent.ot, operation: intent.operation });
        // The operation may have changed while the call ran: keep only a list for the current one.
        if (list.operation !== this.current.operation) {
          this.set({ ...this.current, busy: null });
          return;
        }
        this.set(S.withLoadedList(this.current, list));
        this.safeSet(KEYS.recentOts, JSON.stringify(this.current.recentOts));
        return;
      }
      case 'start':
        this.set(S.withStarted(this.current, await client.call('apiStartWork', intent.request)));
        await this.refreshAfterStart();
        return;
      case 'finish':
        this.set(S.withFinished(this.current, await client.call('apiFinishWork', intent.request)));
        return;
      case 'job': {
        let status = await client.call('apiRunJobStep', { kind: 'metrics' });
        this.set(S.withJob(this.current, status, status.state === 'running'));
        // Left unfinished for a next step: run it (unless cancelled); another execution working it: follow
        // its progress with apiJobStatus until it ends.
        for (let polls = 0; status.state === 'running' && polls < JOB_MAX_POLLS; polls++) {
          if (status.continuing === true && !this.cancelling) {
            status = await client.call('apiRunJobStep', { kind: 'metrics' });
          } else {
            await this.deps.sleep(JOB_POLL_MS);
            const [job] = (await client.call('apiJobStatus')).jobs;
            if (!job) break;
            status = job;
          }
          this.set(S.withJob(this.current, status, status.state === 'running'));
        }
        if (this.current.busy) this.set({ ...this.current, busy: null });
        return;
      }
    }
  }
}

/** A request id: 32 hex digits from the browser's crypto, else Math.random (ids only need to be unique). */
export function randomRequestId(
  crypto: { getRandomValues?: (a: Uint8Array) => Uint8Array } | undefined,
): string {
  const bytes = new Uint8Array(16);
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => (b < 16 ? '0' : '') + b.toString(16)).join('');
}
