import { describe, expect, it } from 'vitest';
import { ColumnMap, normalizeHeader } from '../../../src/data/columnMap';
import { PRODUCTION_OPERACIONES_HEADER } from '../../../src/data/productionHeaders';
import { AppError } from '../../../src/domain/errors';

const spec = {
  sheet: 'Operaciones',
  required: ['OT', 'TAG_SPOOL', 'Fecha_QC_Metrología'],
  optional: ['SPLIT'],
};

function schemaFailure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a SCHEMA error');
}

describe('columnMap', () => {
  it('normalises case, accents, spaces and underscores', () => {
    expect(normalizeHeader(' Fecha_QC_Metrología ')).toBe('fechaqcmetrologia');
    expect(normalizeHeader('fecha qc metrologia')).toBe('fechaqcmetrologia');
    expect(normalizeHeader('Tipo Armado')).toBe(normalizeHeader('TIPO_ARMADO'));
  });

  it('finds columns of the production header by name', () => {
    const map = ColumnMap.fromHeader(PRODUCTION_OPERACIONES_HEADER, spec);
    expect(map.index('OT')).toBe(2);
    expect(map.index('tag spool')).toBe(6);
    expect(map.index('FECHA_QC_METROLOGIA')).toBe(39);
    expect(map.index('Pulgadas_SOLD')).toBe(74);
    expect(map.firstPresent('NO_EXISTE', 'SPLIT')).toBe('SPLIT');
  });

  it('follows a column inserted mid-sheet', () => {
    const header = [...PRODUCTION_OPERACIONES_HEADER];
    header.splice(3, 0, 'Nueva columna');
    expect(ColumnMap.fromHeader(header, spec).index('TAG_SPOOL')).toBe(7);
  });

  it('names every missing required column', () => {
    const error = schemaFailure(() => ColumnMap.fromHeader(['OT', 'Cliente'], spec));
    expect(error.code).toBe('SCHEMA');
    expect(error.message).toBe(
      'SCHEMA: A la hoja "Operaciones" le faltan las columnas: TAG_SPOOL, Fecha_QC_Metrología. Ejecute Extensiones → Spool Union Tracker → Migrar esquema…: agrega las columnas que puede y dice cómo agregar las demás.',
    );
  });

  it('refuses a used header that appears twice, naming the columns', () => {
    const error = schemaFailure(() =>
      ColumnMap.fromHeader(['OT', 'TAG_SPOOL', 'Fecha_QC_Metrologia', 'tag_spool'], spec),
    );
    expect(error.message).toContain('encabezados repetidos: TAG_SPOOL (columnas B, D)');
  });

  it('tolerates duplicates in columns the product does not use', () => {
    const map = ColumnMap.fromHeader(['OT', 'Notas', 'TAG_SPOOL', 'Notas', 'Fecha_QC_Metrología'], spec);
    expect(map.index('TAG_SPOOL')).toBe(2);
  });

  it('refuses a blank header row', () => {
    expect(schemaFailure(() => ColumnMap.fromHeader(['', '  ', ''], spec)).message).toContain(
      'no tiene encabezados',
    );
  });
});
