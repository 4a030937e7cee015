import { describe, expect, it } from 'vitest';
import { saveSettings } from '../../../src/data/settingsRepository';
import { compose, type AppsScriptServices } from '../../../src/gas/compositionRoot';
import { propertiesAdapter } from '../../../src/gas/services';
import { SheetsApiSpreadsheet } from '../../../src/gas/sheetsApiSpreadsheet';
import { AppsScriptSpreadsheet } from '../../../src/gas/spreadsheetAdapter';
import { createFakeAppsScript } from '../../../src/memory/appsScriptGlobals';
import { FakeSheetsApi } from '../../../src/memory/fakeSheetsApi';
import { spoolsBook } from '../../support/jobs';
import { records } from '../../support/tracking';

function wired(options: { sheetsApi?: boolean } = {}) {
  const book = spoolsBook(3);
  const apps = createFakeAppsScript(book);
  const globals = {
    ...apps.globals,
    ...(options.sheetsApi ? { Sheets: new FakeSheetsApi(book) } : {}),
  } as unknown as AppsScriptServices;
  return { book, apps, globals };
}

describe('the composition root', () => {
  it('wires document properties → settings → spreadsheet port → repositories → services', () => {
    const { book, apps, globals } = wired();
    saveSettings(propertiesAdapter(apps.propertiesService.document), {
      batchSize: 20,
      batchProcessing: true,
    });
    const composition = compose(globals);
    expect(composition.settings).toMatchObject({ batchSize: 20, batchProcessing: true });
    expect(composition.ports.spreadsheet).toBeInstanceOf(AppsScriptSpreadsheet);
    // The job repository and the service share the document's properties (never the script's).
    composition.jobs.create({ id: 'probe', kind: 'metrics', now: 1, requestedBy: 'menu' });
    expect(apps.propertiesService.document.getProperty('jobrun:probe')).not.toBeNull();
    expect(apps.propertiesService.script.getProperties()).toEqual({});
    // The service runs over the same spreadsheet, lock and triggers.
    const status = composition.metricsJob.run('menu');
    expect(status).toMatchObject({ state: 'done', changed: 3 });
    expect(records(book, 'Operaciones')[0]).toMatchObject({ Total_Uniones: 2 });
    expect(book.toasts.at(-1)).toEqual({ title: 'Recálculo de métricas', message: status.message });
    expect(apps.lockService.state.holder).toBeNull();
    composition.metricsJob.setAutomatic(true);
    expect(apps.scriptApp.triggers.map((t) => [t.getHandlerFunction(), t.getTriggerSourceId()])).toEqual([
      ['onMetricsTrigger', book.idUncounted],
    ]);
  });

  it('takes the Sheets advanced service when it is installed and the setting wants it, SpreadsheetApp otherwise', () => {
    const withApi = wired({ sheetsApi: true });
    expect(compose(withApi.globals).ports.spreadsheet).toBeInstanceOf(SheetsApiSpreadsheet);
    saveSettings(propertiesAdapter(withApi.apps.propertiesService.document), { useSheetsApi: false });
    expect(compose(withApi.globals).ports.spreadsheet).toBeInstanceOf(AppsScriptSpreadsheet);
  });

  it('reads nothing from the spreadsheet while wiring', () => {
    const { book, globals } = wired();
    book.calls.reset();
    compose(globals);
    expect(book.calls.calls.filter((c) => c.kind === 'read' || c.kind === 'metadata')).toEqual([]);
  });
});
