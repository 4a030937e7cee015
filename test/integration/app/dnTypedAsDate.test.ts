// A number typed as a fraction (DN 3/4) that Sheets stored as a date (03-04-2026, serial 46115): every path
// that names the cell says it looks like a date and what to type, never only "46115 mayor que el máximo".

import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { workerDay } from '../../../src/app/panel/workerDay';
import { summaryService } from '../../../src/app/resumen/summaryJob';
import { dateLikeNumber } from '../../../src/domain/numbers';
import { MR, addEvents, unionEvent } from '../../support/panel';
import { notes } from '../../support/resumen';
import {
  armRequest,
  BACKENDS,
  environment,
  NOW,
  progressBook,
  tagOf,
  trackingBook,
} from '../../support/tracking';

const AS_DATE =
  'parece una fecha (46115 = 03-04-2026): si escribió 3/4, Sheets lo guardó como fecha; escriba 0,75';

/** Types 46115 into a cell formatted d/m/yyyy: what typing 3/4 leaves in an es-CL sheet. */
function typedAsDate(book: ReturnType<typeof trackingBook>, row: number, col: number) {
  book.sheet('Uniones').getRange(row, col).setNumberFormat('d/m/yyyy').setValue(46115);
}

describe.each(BACKENDS)('a DN typed 3/4 that Sheets made a date (%s)', (backend) => {
  it('Resumen names it on the sheet and in the answer', () => {
    const book = trackingBook({
      spools: [{ ot: '001', tag: 'SP-001' }],
      unions: [
        { ot: '001', n: 1, dn: 6, ARM_FECHA_FIN: '22-11-2026 08:00:00', ARM_WORKER: 'MR(93)' },
        { ot: '001', n: 2, dn: '', ARM_FECHA_FIN: '22-11-2026 08:00:00', ARM_WORKER: 'MR(93)' },
      ],
    });
    typedAsDate(book, 3, 5);
    const result = summaryService(environment(book, NOW, backend).ports()).refresh('menu');
    expect(result.unreadable.details).toEqual([`Uniones!E3 (DN_UNION): DN_UNION ${AS_DATE}`]);
    expect(notes(book)).toContain(`Uniones!E3 (DN_UNION): DN_UNION ${AS_DATE}`);
  });

  it("the Panel's day names it where it counts no pulgadas", () => {
    const book = progressBook({ ots: 1, unionsPerOt: 2, armed: 0, welded: 0 });
    typedAsDate(book, 3, 5); // 001+2's DN_UNION
    addEvents(book, [unionEvent('addon', NOW, MR, 'ARM', tagOf('001'), '001', 2)]);
    const day = workerDay(environment(book, NOW, backend).ports(), { workerId: 93, date: '22-11-2026' });
    expect(day.warnings).toEqual([`Uniones!E3 (DN_UNION): DN ${AS_DATE} — sus pulgadas no se cuentan.`]);
  });

  it('an N_UNION typed 3/4 is said to be a date too', () => {
    const book = trackingBook({
      spools: [{ ot: '001', tag: 'SP-001' }],
      unions: [
        { ot: '001', n: 1, dn: 6 },
        { ot: '001', n: 2, dn: 4 },
      ],
    });
    typedAsDate(book, 3, 3);
    const result = finishWork(environment(book, NOW, backend).ports(), armRequest(['001+1'], 'req-n-1'));
    expect(result.warnings[0]).toMatch(
      new RegExp(`^Uniones!C3 \\(N_UNION\\): N_UNION ${AS_DATE.replace(/[()]/g, '\\$&')} — `),
    );
  });
});

describe('dateLikeNumber', () => {
  it('uses the shown text when the read has it, else the date the serial is', () => {
    expect(dateLikeNumber(46115, 46115, '3/4')).toBe(
      'la celda muestra 3/4: Sheets la guardó como fecha; escriba 0,75',
    );
    expect(dateLikeNumber(46115, 46115, '03-04-2026')).toBe(
      'la celda muestra 03-04-2026: Sheets la guardó como fecha; escriba el número (una fracción como 3/4 se escribe 0,75)',
    );
    expect(dateLikeNumber(46115, 46115)).toBe(AS_DATE);
    expect(dateLikeNumber(46113, new Date('2026-04-01T03:00:00Z'))).toBe(
      'parece una fecha (46113 = 01-04-2026): si escribió 1/4, Sheets lo guardó como fecha; escriba 0,25',
    );
  });

  it('leaves alone numbers that are not dates', () => {
    expect(dateLikeNumber(150, 150)).toBeNull();
    expect(dateLikeNumber(99999, 99999)).toBeNull();
    expect(dateLikeNumber(46115, '46115')).toBeNull();
  });
});
