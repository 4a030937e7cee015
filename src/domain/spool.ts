// A spool of Operaciones as far as union tracking reads and writes it.

import type { Operation } from './operation';

export interface Spool {
  rowNumber: number;
  ot: string;
  tag: string;
  nv: string;
  fechaArmado: number | null;
  armador: string;
  fechaSoldadura: number | null;
  soldador: string;
  ocupadoPor: string;
  fechaOcupacion: number | null;
  estadoDetalle: string;
  /** Opaque token, like Union.version. */
  version: string;
}

/** Estado_Detalle while a worker holds the spool, e.g. "ARM en curso - MR(93)". */
export function estadoEnCurso(operation: Operation, display: string): string {
  return `${operation} en curso - ${display}`;
}
