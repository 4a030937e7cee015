import { describe, expect, it } from 'vitest';
import {
  METADATA_HEADER,
  PRE_UNION_OPERACIONES_HEADER,
  UNIONES_HEADER,
} from '../../src/data/productionHeaders';
import { productionBook } from '../support/workbooks';
import { loadBundle } from '../support/bundle';

const CAPTIONS = [
  'Registrar ARM/SOLD…',
  '—',
  'Recalcular métricas',
  'Resumen de producción',
  'Progreso de tareas',
  'Activar recálculo automático',
  'Desactivar recálculo automático',
  '—',
  'Migrar esquema…',
  '—',
  'Ayuda',
];

describe('the menu built by onOpen / onInstall', () => {
  // A bound script's simple onOpen trigger gets authMode too (LIMITED when the user has not authorized it
  // yet), so the menu sits under Extensions → the project's name there as well (docs/sidebar.md).
  it('any event with authMode (an add-on, or a bound script opened) gets the add-on menu, each item naming a top-level function', () => {
    const book = productionBook([]);
    const bundle = loadBundle(book);
    book.calls.reset();
    bundle.call('onOpen', { authMode: 'LIMITED' });
    expect(bundle.apps.ui.menus).toHaveLength(1);
    expect(bundle.apps.ui.menus[0]!.title).toBe('(add-on)');
    const items = bundle.apps.ui.menus[0]!.items;
    expect(items.map((i) => (i === 'separator' ? '—' : i.caption))).toEqual(CAPTIONS);
    for (const item of items) {
      if (item !== 'separator')
        expect(typeof bundle.scope[item.functionName], item.functionName).toBe('function');
    }
    // onOpen reads no sheet: it runs on every open, before any authorization.
    expect(book.calls.total()).toBe(0);
  });

  it('a bound script run without an event gets a top-level menu; onInstall builds the same menu', () => {
    const bundle = loadBundle(productionBook([]));
    bundle.call('onOpen');
    bundle.call('onInstall', { authMode: 'FULL' });
    expect(bundle.apps.ui.menus.map((m) => m.title)).toEqual(['Spool Union Tracker', '(add-on)']);
    expect(bundle.apps.ui.menus[0]!.items).toEqual(bundle.apps.ui.menus[1]!.items);
  });

  it('Ayuda shows a short Spanish help dialog', () => {
    const bundle = loadBundle(productionBook([]));
    bundle.call('menuShowHelp');
    expect(bundle.apps.ui.alerts).toHaveLength(1);
    expect(bundle.apps.ui.alerts[0]!.title).toBe('Ayuda');
    expect(bundle.apps.ui.alerts[0]!.message).toContain('FINALIZAR registra las uniones marcadas');
  });
});

describe('menu actions of build/Code.js', () => {
  it('Migrar esquema previews the plan, applies it on confirmation, and says so', () => {
    const book = productionBook([{ OT: '001', TAG_SPOOL: 'SP-001' }], {
      header: PRE_UNION_OPERACIONES_HEADER,
    });
    const bundle = loadBundle(book);
    bundle.apps.ui.scriptedAnswers.push('NO');
    bundle.call('menuMigrateSchema');
    expect(bundle.apps.ui.alerts.map((a) => a.message.split('\n')[0])).toEqual([
      'La migración hará 9 cambio(s).',
      'No se aplicó ningún cambio.',
    ]);
    expect(book.sheet('Operaciones').dump()[0]).toHaveLength(67);

    bundle.apps.ui.scriptedAnswers.push('YES');
    bundle.call('menuMigrateSchema');
    expect(bundle.apps.ui.alerts.at(-1)!.message).toBe('Migración aplicada: 9 cambio(s).');
    expect(book.sheet('Operaciones').dump()[0]).toHaveLength(72);
    expect(['Uniones', 'Metadata', 'Trabajadores', 'Roles'].every((s) => book.hasSheet(s))).toBe(true);

    bundle.call('menuMigrateSchema');
    expect(bundle.apps.ui.alerts.at(-1)!.message).toBe('El esquema ya está al día; no hay nada que cambiar.');
  });

  it('Migrar esquema with only columns to add by hand reports them and asks nothing', () => {
    const book = productionBook([{ OT: '001', TAG_SPOOL: 'SP-001' }]);
    book.addSheet('Uniones', [[...UNIONES_HEADER]]);
    book.addSheet('Metadata', [[...METADATA_HEADER]]);
    book.addSheet('Trabajadores', [['Id', 'Nombre', 'Apellido']]);
    book.addSheet('Roles', [['Id', 'Rol', 'Activo']]);
    const bundle = loadBundle(book);
    bundle.call('menuMigrateSchema');
    expect(bundle.apps.ui.alerts).toHaveLength(1);
    expect(bundle.apps.ui.alerts[0]!.message).toMatch(
      /^La migración no tiene nada que cambiar, pero el esquema no está completo\. .*\n\n• Pendiente — Trabajadores!1:1: Faltan las columnas Activo/,
    );
    expect(bundle.apps.ui.alerts[0]!.message).not.toContain('¿Aplicar ahora?');
  });

  it('apiMigrateSchema validates dryRun and previews', () => {
    const book = productionBook([{ OT: '001', TAG_SPOOL: 'SP-001' }], {
      header: PRE_UNION_OPERACIONES_HEADER,
    });
    const bundle = loadBundle(book);
    expect(() => bundle.call('apiMigrateSchema', { dryRun: 'si' })).toThrow(
      'VALIDATION: Solicitud inválida: dryRun: dryRun debe ser true o false.',
    );
    const preview = bundle.call<{ changes: string[]; applied: boolean }>('apiMigrateSchema', {
      dryRun: true,
    });
    expect(preview.applied).toBe(false);
    expect(preview.changes[0]).toBe('Agregar Total_Uniones a Operaciones en la columna BP, 0 en 1 filas.');
  });

  it('Recalcular métricas and the trigger switch report in alerts', () => {
    const book = productionBook([{ OT: '001', TAG_SPOOL: 'SP-001' }]);
    const bundle = loadBundle(book);
    bundle.call('menuRecomputeMetrics');
    // No Uniones sheet yet: the error is shown, not swallowed.
    expect(bundle.apps.ui.alerts.at(-1)).toEqual({
      title: 'Recalcular métricas',
      message:
        'No existe la hoja "Uniones". Créela con Extensiones → Spool Union Tracker → Migrar esquema… (vea docs/setup.md).',
    });
    bundle.call('menuEnableMetricsTrigger');
    bundle.call('menuEnableMetricsTrigger');
    expect(bundle.apps.scriptApp.triggers.map((t) => t.getHandlerFunction())).toEqual(['onMetricsTrigger']);
    bundle.call('menuDisableMetricsTrigger');
    expect(bundle.apps.scriptApp.triggers).toEqual([]);
    expect(bundle.apps.ui.alerts.at(-1)!.message).toBe('Desactivado (1 disparador eliminado).');
  });
});
