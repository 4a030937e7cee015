// The sidebar's words: one catalogue per language (es by default, en), keyed by meaning, with numbers and
// placeholders formatted here (the Panel's words in panelMessages.ts). No user-visible text lives anywhere
// else in the client.

import { panelEn, panelEs } from './panelMessages';

export type Locale = 'es' | 'en';

const es = {
  title: 'Registro de uniones',
  'field.operation': 'Operación',
  'field.worker': 'Trabajador',
  'field.workerPlaceholder': 'Elija un trabajador…',
  'field.workerNone': 'No hay trabajadores activos con rol para {op}.',
  'field.ot': 'OT',
  'button.search': 'Buscar',
  'recent.label': 'Recientes:',
  'recent.load': 'Cargar OT {ot}',
  'button.start': 'INICIAR',
  'button.selectAvailable': 'Seleccionar disponibles',
  'button.clearSelection': 'Quitar selección',
  'button.finish': 'FINALIZAR',
  'button.confirmRecord': 'Confirmar y registrar',
  'button.confirmCancel': 'Confirmar CANCELAR',
  'button.back': 'Volver',
  'button.retry': 'Reintentar',
  'button.reload': 'Recargar',
  'button.dismiss': 'Cerrar',
  'button.recompute': 'Recalcular métricas',
  'language.label': 'Idioma',
  'language.es': 'Español',
  'language.en': 'English',
  starting: 'Cargando trabajadores…',
  loading: 'Cargando…',
  working: 'Guardando…',
  'spools.heading': 'Spools de la OT {ot}',
  'spool.free': 'libre',
  'spool.busy': 'ocupado por {who} desde {since}',
  'spool.busyNoTime': 'ocupado por {who}',
  'spool.mine': 'tomado por usted',
  'spool.repeated': 'Spool repetido en Operaciones',
  'spool.noUnions': 'Sin uniones registradas en Uniones.',
  'spool.takenByOther': 'Lo tiene {who}: sus uniones no se pueden marcar hasta que lo libere.',
  'union.dn': 'DN {dn}',
  'union.dnUnknown': 'DN ?',
  'union.done': '{op} por {who} {when}',
  'union.doneNow': '{op} por {who} (recién registrada)',
  summary: 'Seleccionadas {n}/{of} · {pulgadas} pulgadas',
  'summary.complete': 'Spool completo en {op}',
  'summary.allComplete': 'Los {n} spools de la OT {ot} completos en {op}',
  'warnings.heading': 'Filas que no se pudieron leer',
  'why.noWorker': 'Elija un trabajador.',
  'why.noOt': 'Escriba una OT.',
  'why.notLoaded': 'Busque una OT primero.',
  'why.busy': 'Espere a que termine la operación en curso.',
  'why.nothing': 'Marque al menos una unión (o inicie un spool para poder cancelarlo).',
  'why.complete': 'No queda ninguna unión por registrar.',
  'why.noneAvailable': 'No hay uniones disponibles.',
  'confirm.title': 'Confirmar {op} de la OT {ot}',
  'confirm.intro': 'Trabajador: {who}. Se hará lo siguiente:',
  'confirm.COMPLETAR': '{tag}: COMPLETAR · uniones: {n} · pulgadas: {pulgadas}',
  'confirm.PAUSAR': '{tag}: PAUSAR · uniones: {n} · pulgadas: {pulgadas}',
  'confirm.CANCELAR': '{tag}: CANCELAR · se libera sin registrar uniones',
  'confirm.note': 'Al terminar queda libre: {tags}.',
  'confirm.blocked': '(no se completa: una fila de sus uniones no se pudo leer)',
  'result.started': 'INICIAR {op}: {who} tomó {tag} (disponibles: {n}).',
  'result.finished': 'FINALIZAR {op} de la OT {ot} · uniones registradas: {n} · pulgadas: {pulgadas}',
  'result.replayed': 'Esta solicitud ya se había registrado; no se escribió nada de nuevo.',
  'result.spool': '{tag}: {action}',
  'result.recorded': 'Registradas: {keys}',
  'result.skippedHeading': 'Omitidas:',
  'result.skipped': '{key}: {reason}',
  'result.warningsHeading': 'Avisos:',
  'result.metrics': '{tag} — ARM {arm}/{total} ({parm} pulg.) · SOLD {sold}/{soldOf} ({psold} pulg.)',
  'action.COMPLETAR': 'COMPLETAR',
  'action.PAUSAR': 'PAUSAR',
  'action.CANCELAR': 'CANCELAR',
  'result.loaded': 'OT {ot} · uniones: {n} · disponibles para {op}: {d}',
  'job.label': 'Progreso del recálculo de métricas',
  'job.idle': 'Métricas: sin recalcular en esta sesión.',
  'job.progress': '{processed}/{total} spools',
  'job.running': 'Recalculando…',
  'job.eta': 'Recalculando… {processed}/{total} spools, faltan ~{minutes} min',
  'button.cancelJob': 'Cancelar recálculo',
  'error.TIMEOUT':
    'El servidor no respondió en {detail} s. Puede que la operación se haya guardado: use Reintentar, ' +
    'no se registrará dos veces.',
  'error.NETWORK':
    'Se perdió la conexión con la planilla antes de recibir la respuesta. Puede que la operación se haya ' +
    'guardado: use Reintentar, no se registrará dos veces.',
  'error.TIMEOUT.read':
    'El servidor no respondió en {detail} s. Una búsqueda no guarda nada: vuelva a intentarlo con Reintentar.',
  'error.NETWORK.read':
    'Se perdió la conexión con la planilla antes de recibir la respuesta. Una búsqueda no guarda nada: ' +
    'vuelva a intentarlo con Reintentar.',
  'error.ACCOUNTS':
    'Google no dejó ejecutar el complemento: suele pasar cuando el navegador tiene abiertas varias cuentas ' +
    'de Google. Abra la planilla en una ventana con una sola cuenta (por ejemplo, una ventana de incógnito), ' +
    'o con la cuenta que instaló el complemento, y vuelva a abrir esta barra.',
  'error.UNAVAILABLE': 'No se puede hablar con la planilla (google.script.run no está disponible).',
  'error.UNKNOWN': 'Error inesperado del servidor.',
  'error.UNKNOWN.detail': 'Error inesperado del servidor: {detail}',
  'error.INTERNAL': 'Error interno del servidor; intente de nuevo.',
  'error.generic': 'No se pudo completar la operación.',
  'server.spanish': '',
  ...panelEs,
} as const;

export type MessageKey = keyof typeof es;

const en: Record<MessageKey, string> = {
  title: 'Union log',
  'field.operation': 'Operation',
  'field.worker': 'Worker',
  'field.workerPlaceholder': 'Choose a worker…',
  'field.workerNone': 'No active worker holds a role for {op}.',
  'field.ot': 'Work order',
  'button.search': 'Search',
  'recent.label': 'Recent:',
  'recent.load': 'Load work order {ot}',
  'button.start': 'START',
  'button.selectAvailable': 'Select available',
  'button.clearSelection': 'Clear selection',
  'button.finish': 'FINISH',
  'button.confirmRecord': 'Confirm and record',
  'button.confirmCancel': 'Confirm CANCEL',
  'button.back': 'Back',
  'button.retry': 'Retry',
  'button.reload': 'Reload',
  'button.dismiss': 'Close',
  'button.recompute': 'Recompute metrics',
  'language.label': 'Language',
  'language.es': 'Español',
  'language.en': 'English',
  starting: 'Loading workers…',
  loading: 'Loading…',
  working: 'Saving…',
  'spools.heading': 'Spools of work order {ot}',
  'spool.free': 'free',
  'spool.busy': 'taken by {who} since {since}',
  'spool.busyNoTime': 'taken by {who}',
  'spool.mine': 'taken by you',
  'spool.repeated': 'Spool repeated in Operaciones',
  'spool.noUnions': 'No unions in Uniones.',
  'spool.takenByOther': '{who} has it: its unions cannot be ticked until it is released.',
  'union.dn': 'DN {dn}',
  'union.dnUnknown': 'DN ?',
  'union.done': '{op} by {who} {when}',
  'union.doneNow': '{op} by {who} (just recorded)',
  summary: 'Selected {n}/{of} · {pulgadas} inches',
  'summary.complete': 'Spool complete for {op}',
  'summary.allComplete': 'All {n} spools of work order {ot} complete for {op}',
  'warnings.heading': 'Rows that could not be read',
  'why.noWorker': 'Choose a worker.',
  'why.noOt': 'Type a work order.',
  'why.notLoaded': 'Search a work order first.',
  'why.busy': 'Wait for the current operation to end.',
  'why.nothing': 'Tick at least one union (or start a spool to cancel it).',
  'why.complete': 'No union is left to record.',
  'why.noneAvailable': 'No union is available.',
  'confirm.title': 'Confirm {op} of work order {ot}',
  'confirm.intro': 'Worker: {who}. This will happen:',
  'confirm.COMPLETAR': '{tag}: COMPLETE · unions: {n} · inches: {pulgadas}',
  'confirm.PAUSAR': '{tag}: PAUSE · unions: {n} · inches: {pulgadas}',
  'confirm.CANCELAR': '{tag}: CANCEL · released without recording unions',
  'confirm.note': 'Released when done: {tags}.',
  'confirm.blocked': '(not completed: a row of its unions could not be read)',
  'result.started': 'START {op}: {who} took {tag} (available: {n}).',
  'result.finished': 'FINISH {op} of work order {ot} · unions recorded: {n} · inches: {pulgadas}',
  'result.replayed': 'This request had already been recorded; nothing was written again.',
  'result.spool': '{tag}: {action}',
  'result.recorded': 'Recorded: {keys}',
  'result.skippedHeading': 'Skipped:',
  'result.skipped': '{key}: {reason}',
  'result.warningsHeading': 'Warnings:',
  'result.metrics': '{tag} — ARM {arm}/{total} ({parm} in.) · SOLD {sold}/{soldOf} ({psold} in.)',
  'action.COMPLETAR': 'COMPLETE',
  'action.PAUSAR': 'PAUSE',
  'action.CANCELAR': 'CANCEL',
  'result.loaded': 'Work order {ot} · unions: {n} · available for {op}: {d}',
  'job.label': 'Metrics recompute progress',
  'job.idle': 'Metrics: not recomputed in this session.',
  'job.progress': '{processed}/{total} spools',
  'job.running': 'Recomputing…',
  'job.eta': 'Recomputing… {processed}/{total} spools, ~{minutes} min left',
  'button.cancelJob': 'Cancel recompute',
  'error.TIMEOUT':
    'The server did not answer within {detail} s. The operation may have been saved: use Retry, ' +
    'nothing is recorded twice.',
  'error.NETWORK':
    'The connection to the spreadsheet was lost before the answer arrived. The operation may have been ' +
    'saved: use Retry, it will not be recorded twice.',
  'error.TIMEOUT.read':
    'The server did not answer within {detail} s. A search saves nothing: try again with Retry.',
  'error.NETWORK.read':
    'The connection to the spreadsheet was lost before the answer arrived. A search saves nothing: try ' +
    'again with Retry.',
  'error.ACCOUNTS':
    'Google did not let the add-on run: this usually happens when the browser is signed into several ' +
    'Google accounts. Open the spreadsheet in a window signed into one account only (an incognito window, ' +
    'for example), or the account that installed the add-on, and open this sidebar again.',
  'error.UNAVAILABLE': 'Cannot reach the spreadsheet (google.script.run is not available).',
  'error.UNKNOWN': 'Unexpected server error.',
  'error.UNKNOWN.detail': 'Unexpected server error: {detail}',
  'error.INTERNAL': 'Internal server error; please try again.',
  'error.generic': 'The operation could not be completed.',
  'server.spanish': "The spreadsheet's own messages (results, reasons, errors) are in Spanish.",
  ...panelEn,
};

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { es, en };

export type Params = Record<string, string | number>;

export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  /** 18.5 → "18,5" in Spanish, "18.5" in English (at most 2 decimals). */
  number(value: number): string;
}

export function translator(locale: Locale): Translator {
  const catalogue = CATALOGUES[locale];
  const format = new Intl.NumberFormat(locale === 'es' ? 'es-CL' : 'en-US', { maximumFractionDigits: 2 });
  const number = (value: number) => format.format(value);
  return {
    locale,
    number,
    t(key, params = {}) {
      return catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = params[name];
        if (value === undefined) return whole;
        return typeof value === 'number' ? number(value) : value;
      });
    },
  };
}

/**
 * The language: an explicit setting wins, then the spreadsheet's locale (when the server sends one);
 * otherwise Spanish. The browser's language is not used: shop tablets often run in English while the
 * shop works in Spanish, and the Spanish names are the contract the browser tests rely on.
 */
export function chooseLocale(setting: string | null, spreadsheetLocale: string | undefined): Locale {
  const candidate = setting || spreadsheetLocale;
  if (!candidate) return 'es';
  return candidate.toLowerCase().startsWith('en') ? 'en' : 'es';
}
