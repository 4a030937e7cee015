import { describe, expect, it } from 'vitest';
import { SidebarController, type KeyValueStore } from '../../../src/client/controller';
import type { ServerFunction, ServerRequests } from '../../../src/client/serverApi';
import { CallError, type ServerClient } from '../../../src/client/serverClient';
import * as S from '../../../src/client/state';
import { boot, done, finishResult, otTwo } from '../../support/clientFixtures';

type Answer = { resolve: (v: unknown) => void; reject: (e: unknown) => void };

/** A server client whose calls the test answers one by one. */
class FakeServer {
  readonly calls: Array<{ name: ServerFunction; request: unknown } & Answer> = [];
  readonly client: ServerClient = {
    call: ((name: ServerFunction, request?: ServerRequests[ServerFunction]) =>
      new Promise<unknown>((resolve, reject) =>
        this.calls.push({ name, request, resolve, reject }),
      )) as ServerClient['call'],
  };
  last() {
    return this.calls[this.calls.length - 1]!;
  }
}

class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, string>();
  get(key: string) {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string) {
    this.values.set(key, value);
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function ready(store = new MemoryStore()) {
  const server = new FakeServer();
  let n = 0;
  const controller = new SidebarController({
    client: server.client,
    store,
    newRequestId: () => 'request-' + ++n,
    sleep: () => Promise.resolve(),
  });
  const started = controller.start();
  server.last().resolve(boot());
  await started;
  controller.setWorker(93);
  controller.setOt('002');
  const loading = controller.search();
  server.last().resolve(otTwo());
  await loading;
  return { server, controller, store };
}

describe('the sidebar controller', () => {
  it('opening makes one call; the worker chosen and the OT loaded are remembered on the device', async () => {
    const { server, store, controller } = await ready();
    expect(server.calls.map((c) => c.name)).toEqual(['apiBootstrap', 'apiListUnions']);
    expect(store.get('sut.worker.ARM')).toBe('93');
    expect(store.get('sut.recentOts')).toBe('["002"]');
    const again = new SidebarController({
      client: server.client,
      store,
      newRequestId: () => 'x-12345678',
      sleep: () => Promise.resolve(),
    });
    expect(again.state.recentOts).toEqual(['002']);
    const starting = again.start();
    server.last().resolve(boot());
    await starting;
    expect(again.state.workerId).toBe(93);
    expect(controller.state.outcome).toMatchObject({ kind: 'loaded', ot: '002', disponibles: 8 });
  });

  it('a double tap on Confirmar sends one FINALIZAR', async () => {
    const { server, controller } = await ready();
    controller.toggleUnion('002+2');
    controller.toggleUnion('002+3');
    controller.askFinish();
    expect(controller.state.confirming).toBe(true);
    const first = controller.confirmFinish();
    const second = controller.confirmFinish();
    const finishes = server.calls.filter((c) => c.name === 'apiFinishWork');
    expect(finishes).toHaveLength(1);
    expect(finishes[0]!.request).toEqual({
      ot: '002',
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['002+2', '002+3'],
      requestId: 'request-1',
      versions: { '002+2': 'v-002+2', '002+3': 'v-002+3' },
      // The listed spools' tags: the server finds the OT's rows with one search per sheet (issue 15 §1).
      listedTags: ['SP-A', 'SP-B'],
    });
    expect(controller.state.busy).toBe('finish');
    finishes[0]!.resolve(finishResult());
    await Promise.all([first, second]);
    expect(controller.state.busy).toBeNull();
    expect(controller.state.outcome?.kind).toBe('finished');
  });

  it('Reintentar after a lost answer resends the same requestId; a new FINALIZAR gets a new one', async () => {
    const { server, controller } = await ready();
    controller.toggleUnion('002+2');
    controller.askFinish();
    const lost = controller.confirmFinish();
    server.last().reject(new CallError('TIMEOUT', '380'));
    await lost;
    expect(controller.state.error).toMatchObject({ code: 'TIMEOUT', detail: '380' });
    expect(controller.state.selected).toEqual(['002+2']);
    const retried = controller.retry();
    controller.retry(); // a double tap on Reintentar too
    server.last().resolve({ ...finishResult(), replayed: true });
    await retried;
    const ids = server.calls
      .filter((c) => c.name === 'apiFinishWork')
      .map((c) => (c.request as { requestId: string }).requestId);
    expect(ids).toEqual(['request-1', 'request-1']);
    expect(controller.state.error).toBeNull();

    controller.toggleUnion('002+4');
    controller.askFinish();
    const next = controller.confirmFinish();
    server.last().resolve(finishResult());
    await next;
    expect((server.last().request as { requestId: string }).requestId).toBe('request-2');
  });

  it('a CONFLICT (the list changed) retries by reloading the OT, not by resending', async () => {
    const { server, controller } = await ready();
    controller.toggleUnion('002+2');
    controller.askFinish();
    const finishing = controller.confirmFinish();
    server
      .last()
      .reject(new CallError('CONFLICT', 'Las uniones 002+2 cambiaron desde que se cargó la lista.'));
    await finishing;
    const retried = controller.retry();
    expect(server.last()).toMatchObject({ name: 'apiListUnions', request: { ot: '002', operation: 'ARM' } });
    server.last().resolve(otTwo());
    await retried;
  });

  it('INICIAR sends one request with a fresh id and shows the spool taken', async () => {
    const { server, controller } = await ready();
    const starting = controller.startSpool('SP-B');
    void controller.startSpool('SP-B');
    expect(server.calls.filter((c) => c.name === 'apiStartWork')).toHaveLength(1);
    // The OT the spool was listed under goes along as a hint (issue 15 §1).
    expect(server.last().request).toMatchObject({ tagSpool: 'SP-B', listedOt: '002' });
    server.last().resolve({
      tagSpool: 'SP-B',
      ot: '002',
      operation: 'ARM',
      ocupadoPor: 'MR(93)',
      fechaOcupacion: '13-05-2026 10:32:00',
      estadoDetalle: 'MR(93) trabajando ARM',
      disponibles: 3,
      replayed: false,
    });
    await tick();
    // Then the OT's unions are read again: another tab armed 002+8 meanwhile.
    expect(server.last()).toMatchObject({ name: 'apiListUnions', request: { ot: '002', operation: 'ARM' } });
    expect(controller.state.busy).toBe('load');
    const fresh = otTwo();
    fresh.spools[1]!.ocupadoPor = 'MR(93)';
    fresh.unions[7] = { ...fresh.unions[7]!, arm: done('CD(98)'), disponible: false };
    server.last().resolve(fresh);
    await starting;
    expect(server.calls.map((c) => c.name)).toEqual([
      'apiBootstrap',
      'apiListUnions',
      'apiStartWork',
      'apiListUnions',
    ]);
    expect(controller.state.list!.spools[1]!.ocupadoPor).toBe('MR(93)');
    expect(controller.state.outcome).toMatchObject({ kind: 'started', result: { tagSpool: 'SP-B' } });
    expect(controller.state.busy).toBeNull();
    // 002+8 can no longer be ticked; ticking 002+7 and 002+9 leaves only the unreadable 002+10: PAUSAR.
    controller.toggleUnion('002+8');
    controller.toggleUnion('002+7');
    controller.toggleUnion('002+9');
    expect(controller.state.selected).toEqual(['002+7', '002+9']);
    controller.askFinish();
    expect(controller.state.confirming).toBe(true);
    expect(S.finishPlan(controller.state).map((l) => [l.tagSpool, l.action, l.unions])).toEqual([
      ['SP-B', 'PAUSAR', 2],
    ]);
  });

  it('INICIAR whose list read fails keeps the INICIAR result, clears the list and offers Reintentar', async () => {
    const { server, controller } = await ready();
    const starting = controller.startSpool('SP-B');
    server.last().resolve({
      tagSpool: 'SP-B',
      ot: '002',
      operation: 'ARM',
      ocupadoPor: 'MR(93)',
      fechaOcupacion: '13-05-2026 10:32:00',
      estadoDetalle: '',
      disponibles: 3,
      replayed: false,
    });
    await tick();
    server.last().reject(new Error('NetworkError: Connection failure due to HTTP 0'));
    await starting;
    expect(controller.state.outcome).toMatchObject({ kind: 'started' });
    expect(controller.state.list).toBeNull();
    expect(controller.state.error).toMatchObject({ code: 'NETWORK', retry: { kind: 'load', ot: '002' } });
    expect(S.errorAction(controller.state.error!)).toBe('retry');
  });

  it('INICIAR refused with CONFLICT (someone took the spool) offers Recargar, which reloads the OT', async () => {
    const { server, controller } = await ready();
    const starting = controller.startSpool('SP-A');
    server.last().reject(new CallError('CONFLICT', 'El spool SP-A está ocupado por AS(95).'));
    await starting;
    expect(S.errorAction(controller.state.error!)).toBe('reload');
    const reloading = controller.retry();
    expect(server.last()).toMatchObject({ name: 'apiListUnions', request: { ot: '002', operation: 'ARM' } });
    server.last().resolve(otTwo());
    await reloading;
    expect(server.calls.filter((c) => c.name === 'apiStartWork')).toHaveLength(1);
  });

  it('Recalcular métricas runs a job step and follows a running job through apiJobStatus', async () => {
    const { server, controller } = await ready();
    const job = controller.recomputeMetrics();
    expect(controller.state.busy).toBe('job');
    const status = {
      kind: 'metrics',
      state: 'running',
      startedAt: 1,
      finishedAt: null,
      changed: 0,
      message: '…',
    } as const;
    server.last().resolve({ ...status, processed: 2, total: 10 });
    await tick();
    expect(server.last().name).toBe('apiJobStatus');
    server.last().resolve({
      jobs: [{ ...status, state: 'done', processed: 10, total: 10, message: '10 spools revisados' }],
    });
    await job;
    expect(controller.state.job).toMatchObject({ state: 'done', processed: 10 });
    expect(controller.state.busy).toBeNull();
  });
});

describe('the metrics job from the sidebar', () => {
  const step = {
    kind: 'metrics',
    id: 'step-1',
    state: 'running',
    startedAt: 1,
    finishedAt: null,
    changed: 0,
    completedBatches: 2,
    totalBatches: 4,
    etaMs: 120_000,
    busy: false,
    continuing: true,
    message: '…',
  } as const;

  it('a step left unfinished is followed by the next step, not by polling', async () => {
    const { server, controller } = await ready();
    const job = controller.recomputeMetrics();
    server.last().resolve({ ...step, processed: 100, total: 200 });
    await tick();
    expect(server.last().name).toBe('apiRunJobStep');
    expect(controller.state.job).toMatchObject({ processed: 100, etaMs: 120_000 });
    server
      .last()
      .resolve({ ...step, state: 'done', continuing: false, processed: 200, total: 200, etaMs: null });
    await job;
    expect(controller.state.job).toMatchObject({ state: 'done', processed: 200 });
    expect(controller.state.busy).toBeNull();
  });

  it('Cancelar recálculo asks the server once and starts no further step', async () => {
    const { server, controller } = await ready();
    const job = controller.recomputeMetrics();
    server.last().resolve({ ...step, processed: 100, total: 200 });
    await tick();
    const stepCall = server.last();
    const cancel = controller.cancelJob();
    void controller.cancelJob();
    expect(server.last().name).toBe('apiCancelJob');
    server.last().resolve({ ...step, processed: 100, total: 200, message: 'Cancelación pedida' });
    await cancel;
    stepCall.resolve({ ...step, state: 'cancelled', continuing: false, processed: 150, total: 200 });
    await job;
    expect(controller.state.job).toMatchObject({ state: 'cancelled', processed: 150 });
    expect(controller.state.busy).toBeNull();
  });

  it('Buscar of an unknown OT: the previous list goes, and Reintentar resends nothing', async () => {
    const { server, controller } = await ready();
    controller.toggleUnion('002+2');
    controller.setOt('999');
    const searching = controller.search();
    server.last().reject(new CallError('NOT_FOUND', 'No existe la OT 999.'));
    await searching;
    expect(controller.state.error?.code).toBe('NOT_FOUND');
    expect([controller.state.list, controller.state.selected]).toEqual([null, []]);
    const calls = server.calls.length;
    await controller.retry();
    expect(server.calls.length).toBe(calls);
  });
});
