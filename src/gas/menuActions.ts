// What the menu items do: run the use case, then tell the user in Spanish (alerts), never fail silently.

import { migrateSchema as runMigration } from '../app/migrateSchema';
import type { JobStatus } from '../app/metricsJob';
import { toAppError } from '../domain/errors';
import { cuenta } from '../domain/spanish';
import { requestPorts, services, ui } from './environment';

export { METRICS_TRIGGER_HANDLER } from '../app/jobTriggers';

const STATE_TEXT: Record<JobStatus['state'], string> = {
  never: 'nunca ejecutado',
  running: 'en curso',
  done: 'terminado',
  failed: 'falló (se reanuda en la próxima ejecución)',
  cancelled: 'cancelado',
};

/** "en curso (1200/10000 spools, lote 24/200, faltan ~3 min)". */
export function describeJob(status: JobStatus): string {
  const batches = status.totalBatches > 0 ? `, lote ${status.completedBatches}/${status.totalBatches}` : '';
  const eta = status.etaMs !== null ? `, faltan ~${Math.max(1, Math.round(status.etaMs / 60_000))} min` : '';
  return `${STATE_TEXT[status.state]} (${status.processed}/${status.total} spools${batches}${eta})`;
}

/** The run's warnings (work saved, something after it failed) as lines after the message. */
function withWarnings(message: string, warnings: readonly string[]): string {
  return warnings.length === 0
    ? message
    : `${message}\n\nAvisos:\n${warnings.map((w) => `• ${w}`).join('\n')}`;
}

function reportingErrors(title: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    ui().alert(title, toAppError(error).userMessage);
  }
}

export function recomputeMetrics(): void {
  reportingErrors('Recalcular métricas', () => {
    const status = services().metricsJob.run('menu');
    ui().alert(
      'Recalcular métricas',
      withWarnings(
        status.busy ? `Otra ejecución está recalculando: ${describeJob(status)}.` : status.message,
        status.warnings,
      ),
    );
  });
}

/** Creates or refreshes the Resumen sheet and says what it holds (and what could not be read). */
export function refreshSummary(): void {
  reportingErrors('Resumen de producción', () => {
    ui().alert('Resumen de producción', services().summaryJob.refresh('menu').message);
  });
}

export function showJobStatus(): void {
  reportingErrors('Progreso de tareas', () => {
    const wired = services();
    const status = wired.metricsJob.status();
    const automatic = wired.metricsJob.automaticOn() ? 'activado' : 'desactivado';
    ui().alert(
      'Progreso de tareas',
      `Recálculo de métricas: ${describeJob(status)}. ${status.message}\nRecálculo automático: ${automatic}.`,
    );
  });
}

export function setMetricsTrigger(enabled: boolean): void {
  reportingErrors('Recálculo automático', () => {
    const { deleted, warnings } = services().metricsJob.setAutomatic(enabled);
    ui().alert(
      'Recálculo automático',
      withWarnings(
        enabled
          ? 'Activado: las métricas se recalculan cada hora.'
          : `Desactivado (${cuenta(deleted, 'disparador eliminado', 'disparadores eliminados')}).`,
        warnings,
      ),
    );
  });
}

/** Shows the plan, applies it only when the user confirms, then says what happened. */
export function migrateSchema(): void {
  const title = 'Migrar esquema';
  reportingErrors(title, () => {
    const preview = runMigration(requestPorts(), { dryRun: true });
    const details = [...preview.changes, ...preview.problems].map((line) => `• ${line}`).join('\n');
    // Nothing to apply (up to date, blocked, or only columns to add by hand): the report is all there is.
    if (preview.upToDate || preview.blocked || preview.changes.length === 0) {
      ui().alert(title, `${preview.message}${details ? `\n\n${details}` : ''}`);
      return;
    }
    if (!ui().confirm(title, `${preview.message}\n\n${details}\n\n¿Aplicar ahora?`)) {
      ui().alert(title, 'No se aplicó ningún cambio.');
      return;
    }
    const applied = runMigration(requestPorts(), { dryRun: false });
    ui().alert(title, withWarnings(applied.message, applied.warnings));
  });
}

/** Plain Spanish help: what the menu items and the sidebar do. Reads nothing. */
export const HELP_TEXT = [
  'Registrar ARM/SOLD… abre el panel lateral: elija la operación, el trabajador y la OT; INICIAR toma un ' +
    'spool, y FINALIZAR registra las uniones marcadas (COMPLETAR, PAUSAR o CANCELAR por spool).',
  'Recalcular métricas rehace las columnas de métricas de Operaciones a partir de Uniones.',
  'Resumen de producción crea o actualiza la hoja Resumen: uniones y pulgadas por día y por trabajador de ' +
    'los últimos días, con un gráfico, y cuánto de la capacidad de la planilla se usa.',
  'Activar/Desactivar recálculo automático enciende o apaga el recálculo cada hora.',
  'Migrar esquema… muestra los cambios de columnas y hojas necesarios y los aplica si usted confirma.',
  'Cada acción queda registrada en la hoja Metadata.',
].join('\n\n');

export function showHelp(): void {
  ui().alert('Ayuda', HELP_TEXT);
}
