import { describe, expect, it } from 'vitest';
import { SidebarController, type KeyValueStore } from '../../../src/client/controller';
import type { ServerFunction, ServerRequests } from '../../../src/client/serverApi';
import { CallError, type ServerClient } from '../../../src/client/serverClient';
import { boot } from '../../support/clientFixtures';
import { errorText } from '../../../src/client/texts';
import { translator } from '../../../src/client/i18n';
import { history, occupied, released, summary, TAG5, TAG8, workerDay } from '../../support/panelFixtures';

type Call = {
  name: ServerFunction;
  request: unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
};

/** A server client whose calls the test answers one by one. */
class FakeServer {
  readonly calls: Call[] = [];
  readonly client: ServerClient = {
    call: ((name: ServerFunction, request?: ServerRequests[ServerFunction]) =>
      new Promise<unknown>((resolve, reject) =>
        this.calls.push({ name, request, resolve, reject }),
      )) as ServerClient['call'],
  };
  last() {
    return this.calls[this.calls.length - 1]!;
  }
  names() {
    return this.calls.map((c) => c.name);
  }
}

const memoryStore = (): KeyValueStore => {
  const values = new Map<string, string>();
  return { get: (k) => values.get(k) ?? null, set: (k, v) => void values.set(k, v) };
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** 21:00 UTC on 4 December 2026 is 18:00 in Santiago (UTC-3 in summer). */
const NOW = Date.UTC(2026, 11, 4, 21, 0, 0);

async function booted(options: { worker?: number | null; now?: number } = {}) {
  const server = new FakeServer();
  let n = 0;
  const controller = new SidebarController({
    client: server.client,
    store: memoryStore(),
    newRequestId: () => 'request-' + ++n,
    sleep: () => Promise.resolve(),
    now: () => options.now ?? NOW,
  });
  const starting = controller.start();
  server.last().resolve(boot());
  await starting;
  const worker = options.worker === undefined ? 93 : options.worker;
  if (worker !== null) controller.setWorker(worker);
  return { server, controller, panel: () => controller.state.panel };
}

/** Opens the Panel's Ocupados with the two demo spools listed. */
async function onOccupied() {
  const setup = await booted();
  const { server, controller } = setup;
  const opening = controller.panel.showView('panel');
  server.last().resolve(workerDay());
  await opening;
  const listing = controller.panel.showTab('occupied');
  server.last().resolve(occupied());
  await listing;
  return setup;
}

describe('the Panel', () => {
  it("opening it loads the chosen worker's day for today in the sheet's time zone: one call", async () => {
    const { server, controller, panel } = await booted();
    const opening = controller.panel.showView('panel');
    expect(controller.state.view).toBe('panel');
    expect(panel().date).toBe('04-12-2026');
    expect(panel().busy).toBe('day');
    expect(server.last()).toMatchObject({
      name: 'apiWorkerDay',
      request: { workerId: 93, date: '04-12-2026' },
    });
    server.last().resolve(workerDay());
    await opening;
    expect(panel().day?.totals.ARM).toEqual({ unions: 3, pulgadas: 18.5 });
    expect(panel().busy).toBeNull();
    await controller.panel.showView('record');
    expect(controller.state.view).toBe('record');
    // Beside the day, once: the capacity line the last Resumen refresh wrote (apiLastCapacity).
    expect(server.names()).toEqual(['apiBootstrap', 'apiLastCapacity', 'apiWorkerDay']);
  });

  it("late at night in Santiago it is still Santiago's day, whatever the UTC date", async () => {
    const { controller, panel } = await booted({ now: Date.UTC(2026, 11, 5, 2, 30) });
    void controller.panel.showView('panel');
    expect(panel().date).toBe('04-12-2026');
  });

  it('without a worker chosen the day is not asked for (nothing to ask about)', async () => {
    const { server, controller, panel } = await booted({ worker: null });
    await controller.panel.showView('panel');
    await controller.panel.loadDay();
    expect(server.names()).toEqual(['apiBootstrap', 'apiLastCapacity']);
    expect(panel().day).toBeNull();
  });

  it('another date: Ver día asks for that day, and the field follows the day answered', async () => {
    const { server, controller, panel } = await booted();
    const opening = controller.panel.showView('panel');
    server.last().resolve(workerDay());
    await opening;
    controller.panel.setDate('2/12/2026');
    const loading = controller.panel.loadDay();
    expect(server.last().request).toEqual({ workerId: 93, date: '02-12-2026' });
    server.last().resolve({ ...workerDay('02-12-2026'), entries: [] });
    await loading;
    expect(panel().date).toBe('02-12-2026');
    expect(panel().day?.entries).toEqual([]);
  });

  it('a tab chosen while a call runs switches without a second call', async () => {
    const { server, controller, panel } = await booted();
    void controller.panel.showView('panel');
    await controller.panel.showTab('occupied');
    expect(panel().tab).toBe('occupied');
    expect(server.names()).toEqual(['apiBootstrap', 'apiLastCapacity', 'apiWorkerDay']);
  });

  it('Ocupados lists the held spools, oldest first as the server answers', async () => {
    const { server, panel } = await onOccupied();
    expect(server.names()).toEqual(['apiBootstrap', 'apiLastCapacity', 'apiWorkerDay', 'apiOccupiedSpools']);
    expect(server.last().request).toBeUndefined();
    expect(panel().occupied?.spools.map((s) => [s.tagSpool, s.stale])).toEqual([
      [TAG8, true],
      [TAG5, false],
    ]);
  });

  it('Liberar asks a reason, then a confirmation; one release, then the list read again', async () => {
    const { server, controller, panel } = await onOccupied();
    controller.panel.askRelease(TAG8);
    controller.panel.reviewRelease();
    expect(panel().draft).toEqual({ tagSpool: TAG8, reason: '', confirming: false });
    controller.panel.setReason('   ');
    controller.panel.reviewRelease();
    expect(panel().draft?.confirming).toBe(false);
    controller.panel.setReason('  quedó tomado de anoche ');
    controller.panel.reviewRelease();
    expect(panel().draft?.confirming).toBe(true);
    const releasing = controller.panel.confirmRelease();
    void controller.panel.confirmRelease(); // a double tap
    expect(server.names().filter((n) => n === 'apiReleaseSpool')).toHaveLength(1);
    expect(server.last().request).toEqual({
      tagSpool: TAG8,
      workerId: 93,
      reason: 'quedó tomado de anoche',
      requestId: 'request-1',
    });
    expect(panel().draft?.confirming).toBe(false);
    server.last().resolve(released());
    await tick();
    // Gone from the list at once; the re-read follows.
    expect(panel().occupied?.spools.map((s) => s.tagSpool)).toEqual([TAG5]);
    expect(panel().released?.tagSpool).toBe(TAG8);
    expect(panel().draft).toBeNull();
    expect(server.last().name).toBe('apiOccupiedSpools');
    const fresh = occupied();
    server.last().resolve({ ...fresh, spools: fresh.spools.slice(1) });
    await releasing;
    expect(panel().busy).toBeNull();
    expect(panel().released?.formerHolder).toBe('JP(94)');
  });

  it('a release whose answer was lost is resent with the same requestId by Reintentar', async () => {
    const { server, controller, panel } = await onOccupied();
    controller.panel.askRelease(TAG8);
    controller.panel.setReason('olvidado');
    controller.panel.reviewRelease();
    const first = controller.panel.confirmRelease();
    server.last().reject(new CallError('NETWORK', ''));
    await first;
    expect(panel().error).toMatchObject({ code: 'NETWORK', retry: { kind: 'release' } });
    // The reason stays under the spool for the retry.
    expect(panel().draft).toMatchObject({ tagSpool: TAG8, reason: 'olvidado' });
    const again = controller.panel.retry();
    expect(server.last()).toMatchObject({ name: 'apiReleaseSpool', request: { requestId: 'request-1' } });
    server.last().resolve({ ...released(), replayed: true });
    await tick();
    server.last().resolve(occupied());
    await again;
    expect(panel().error).toBeNull();
    expect(panel().released?.replayed).toBe(true);
  });

  it('a spool freed meanwhile (CONFLICT) offers Recargar, which reads the list again', async () => {
    const { server, controller, panel } = await onOccupied();
    controller.panel.askRelease(TAG5);
    controller.panel.setReason('x');
    controller.panel.reviewRelease();
    const releasing = controller.panel.confirmRelease();
    server
      .last()
      .reject(new CallError('CONFLICT', `El spool ${TAG5} no está ocupado: no hay nada que liberar.`));
    await releasing;
    expect(panel().error?.retry).toEqual({ kind: 'occupied' });
    const reload = controller.panel.retry();
    expect(server.last().name).toBe('apiOccupiedSpools');
    const fresh = occupied();
    server.last().resolve({ ...fresh, spools: fresh.spools.slice(0, 1) });
    await reload;
    // The draft for a spool no longer held is dropped with the new list.
    expect(panel().draft).toBeNull();
  });

  it('a refused release (FORBIDDEN) offers no Reintentar: resending fails the same way', async () => {
    const { server, controller, panel } = await onOccupied();
    controller.panel.askRelease(TAG8);
    controller.panel.setReason('x');
    controller.panel.reviewRelease();
    const releasing = controller.panel.confirmRelease();
    server
      .last()
      .reject(new CallError('FORBIDDEN', 'MR(93) no puede liberar spools: se necesita el rol Supervisor.'));
    await releasing;
    const calls = server.calls.length;
    await controller.panel.retry();
    expect(server.calls.length).toBe(calls);
  });

  it('the list read after a release fails: the release note stays, Reintentar reads the list', async () => {
    const { server, controller, panel } = await onOccupied();
    controller.panel.askRelease(TAG8);
    controller.panel.setReason('x');
    controller.panel.reviewRelease();
    const releasing = controller.panel.confirmRelease();
    server.last().resolve(released());
    await tick();
    server.last().reject(new CallError('TIMEOUT', '380'));
    await releasing;
    expect(panel().released?.tagSpool).toBe(TAG8);
    expect(panel().error).toMatchObject({ code: 'TIMEOUT', retry: { kind: 'occupied' } });
  });

  it('Historial of an occupied spool: the tab, the spool and one call; a blank spool asks nothing', async () => {
    const { server, controller, panel } = await onOccupied();
    const opening = controller.panel.openHistory(TAG8);
    expect(panel().tab).toBe('history');
    expect(panel().spoolInput).toBe(TAG8);
    expect(server.last()).toMatchObject({ name: 'apiSpoolHistory', request: { tagSpool: TAG8 } });
    server.last().resolve(history());
    await opening;
    expect(panel().history?.sessions[0]?.outcome).toBe('abierta');
    const calls = server.calls.length;
    controller.panel.setSpoolInput('   ');
    await controller.panel.loadHistory();
    expect(server.calls.length).toBe(calls);
    controller.panel.setSpoolInput(`  ${TAG5} `);
    void controller.panel.loadHistory();
    expect(server.last().request).toEqual({ tagSpool: TAG5 });
  });

  it('Actualizar Resumen: one call, the capacity line kept; a lost answer may have rewritten the sheet', async () => {
    const { server, controller, panel } = await onOccupied();
    const refreshing = controller.panel.refreshSummary();
    expect(panel().busy).toBe('summary');
    expect(server.last()).toMatchObject({ name: 'apiRefreshSummary', request: undefined });
    server.last().resolve(summary(8_500_000));
    await refreshing;
    expect(panel().summary?.capacity.warning).toBe(true);
    expect(panel().summary?.capacity.line).toMatch(
      /^ATENCIÓN: Capacidad: 8\.500\.000 de 10\.000\.000 celdas \(85,0 %\)/,
    );
    expect(panel().summary?.capacity.advice).toMatch(/docs\/archive\.md/);
    const again = controller.panel.refreshSummary();
    server.last().reject(new CallError('NETWORK', ''));
    await again;
    expect(errorText(panel().error!, translator('es'))).toMatch(/Puede que la operación se haya guardado/);
    // The last answer stays shown until a new one comes.
    expect(panel().summary?.capacity.cellsUsed).toBe(8_500_000);
  });

  it('the capacity the last refresh wrote is read when the Panel opens; a failed read is said, not thrown', async () => {
    const { server, controller, panel } = await booted();
    const opening = controller.panel.showView('panel');
    const read = server.calls.find((c) => c.name === 'apiLastCapacity')!;
    expect(read.request).toBeUndefined();
    expect(panel().capacity.status).toBe('loading');
    expect(panel().busy).toBe('day'); // the section's call is not held up by it
    const line =
      'ATENCIÓN: Capacidad: 8.500.000 de 10.000.000 celdas (85,0 %); sin crecimiento en los últimos 30 días.';
    read.resolve({
      state: 'ok',
      refreshedAt: '04-12-2026 09:00:00',
      line,
      advice: 'Archive las OT terminadas…',
      warning: true,
      message: line,
    });
    server.last().resolve(workerDay());
    await opening;
    await tick();
    expect(panel().capacity).toMatchObject({ status: 'ready', view: { state: 'ok', warning: true } });

    const other = await booted();
    const opened = other.controller.panel.showView('panel');
    other.server.calls
      .find((c) => c.name === 'apiLastCapacity')!
      .reject(new CallError('INTERNAL', 'sin acceso.'));
    other.server.last().resolve(workerDay());
    await opened;
    await tick();
    expect(other.panel().capacity).toEqual({ status: 'failed', view: null, detail: 'sin acceso.' });
    expect(other.panel().error).toBeNull();
  });

  it('the capacity is read again each time the Panel is opened: a Resumen the menu created meanwhile shows', async () => {
    const { server, controller, panel } = await booted();
    const missing = {
      state: 'missing' as const,
      refreshedAt: null,
      line: null,
      advice: null,
      warning: false,
      message: 'Aún no hay hoja Resumen.',
    };
    const line = 'Capacidad: 31.599 de 10.000.000 celdas (0,3 %); sin crecimiento en los últimos 30 días.';
    const written = {
      ...missing,
      state: 'ok' as const,
      refreshedAt: '04-12-2026 17:00:00',
      line,
      message: line,
    };
    /** Registrar, then the Panel again; the read answered `answer` (or left open when undefined). */
    const reopen = async (answer?: unknown) => {
      await controller.panel.showView('record');
      const before = server.calls.length;
      const opening = controller.panel.showView('panel');
      const opened = server.calls.slice(before);
      expect(opened.map((c) => c.name)).toEqual(['apiLastCapacity', 'apiWorkerDay']);
      opened[1]!.resolve(workerDay());
      if (answer !== undefined) opened[0]!.resolve(answer);
      await opening;
      await tick();
      return opened[0]!;
    };
    const first = controller.panel.showView('panel');
    server.calls.find((c) => c.name === 'apiLastCapacity')!.resolve(missing);
    server.last().resolve(workerDay());
    await first;
    await tick();
    expect(panel().capacity).toMatchObject({ status: 'ready', view: { state: 'missing' } });

    // The menu creates Resumen; the Panel opened again reads it (one cheap call beside the day's).
    const read = await reopen();
    // While it reads, the card keeps what it showed.
    expect(panel().capacity).toMatchObject({ status: 'loading', view: { state: 'missing' } });
    read.resolve(written);
    await tick();
    expect(panel().capacity).toMatchObject({ status: 'ready', view: { state: 'ok', line } });

    // After Actualizar Resumen, the next opening's read (the same line or a newer one) replaces its answer…
    const refreshing = controller.panel.refreshSummary();
    server.last().resolve(summary(40_000));
    await refreshing;
    expect(panel().summary).not.toBeNull();
    await reopen(written);
    expect(panel().summary).toBeNull();
    // …but a refresh answered while the read runs is newer than what the read finds: it stays.
    const pending = await reopen();
    const again = controller.panel.refreshSummary();
    server.last().resolve(summary(50_000));
    await again;
    pending.resolve(written);
    await tick();
    expect(panel().summary?.capacity.cellsUsed).toBe(50_000);
    expect(server.names().filter((n) => n === 'apiLastCapacity')).toHaveLength(4);
  });

  it('a date field that is not a day (31-02-2026, 2026-12-02) is said next to it, and nothing is asked', async () => {
    const { server, controller, panel } = await booted();
    const opening = controller.panel.showView('panel');
    server.last().resolve(workerDay());
    await opening;
    const before = server.calls.length;
    for (const typed of ['31-02-2026', '2026-12-02']) {
      controller.panel.setDate(typed);
      await controller.panel.loadDay();
      expect(panel().dateError).toBe(true);
    }
    expect(server.calls.length).toBe(before);
    controller.panel.setDate('02-12-2026');
    expect(panel().dateError).toBe(false);
  });
});
