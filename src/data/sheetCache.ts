// What changes rarely, kept in the document cache for a minute (issue 9 §2): the time zone, the header rows of
// the sheets a request locates rows in, and the small sheets Trabajadores and Roles. One get per request,
// one put when something had to be read.

import { fitsCache } from '../domain/bytes';
import { isDate, type Cell } from '../domain/cell';
import { causeText } from '../domain/errors';
import type { CachePort } from '../ports';

/** How long an entry lives: a change made by hand shows up within this time (issue 9 §2). */
export const CACHE_SECONDS = 60;

const PREFIX = 'sut:v1:';
const TIME_ZONE = 'tz';
const headerKey = (sheet: string) => `header:${sheet}`;
const gridKey = (sheet: string) => `sheet:${sheet}`;

/** Cells as JSON: a Date becomes {"$date": ms} and comes back a Date. */
function encode(cells: unknown): string {
  return JSON.stringify(cells, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return isDate(raw) ? { $date: raw.getTime() } : value;
  });
}

function decode<T>(text: string): T | null {
  try {
    return JSON.parse(text, (_key, value: unknown) =>
      value && typeof value === 'object' && typeof (value as { $date?: unknown }).$date === 'number'
        ? new Date((value as { $date: number }).$date)
        : value,
    ) as T;
  } catch {
    return null; // an unreadable entry is a miss
  }
}

/** The cause of a failed cache call, for a warning (never thrown: the cache is only a copy). */
function causeOf(error: unknown): string {
  return causeText(error);
}

/**
 * One request's view of the document cache: every entry fetched in one call on first use; entries read
 * fresh during the request are queued and stored with one call by `save`. The cache is only a copy of the
 * sheets: a cache call that fails never fails the request (a get that fails is a miss; a put or remove that
 * fails is logged and added to `warnings`), and a value over 100 KB (UTF-8 bytes) is not cached at all.
 */
export class SheetCache {
  private entries: Record<string, string> | null = null;
  private readonly pending: Record<string, string> = {};

  constructor(
    private readonly port: CachePort,
    /** Sheets whose header row and whose whole grid may be cached (looked up in the same call). */
    private readonly sheets: { headers: readonly string[]; grids: readonly string[] },
    /** Where a failed put or remove is told (Spanish, for the answer's `warnings`). */
    private readonly warnings: string[] = [],
  ) {}

  private all(): Record<string, string> {
    if (this.entries) return this.entries;
    try {
      this.entries = this.port.getAll([
        PREFIX + TIME_ZONE,
        ...this.sheets.headers.map((s) => PREFIX + headerKey(s)),
        ...this.sheets.grids.map((s) => PREFIX + gridKey(s)),
      ]);
    } catch (error) {
      console.warn(`Caché de documento no disponible: ${causeOf(error)}`);
      this.entries = {};
    }
    return this.entries;
  }

  private warn(what: string, error: unknown): void {
    const cause = causeOf(error);
    console.warn(`${what}: ${cause}`);
    this.warnings.push(`${what} (${cause}); la planilla no se ve afectada.`);
  }

  private get<T>(key: string): T | null {
    const text = this.all()[PREFIX + key];
    return text === undefined ? null : decode<T>(text);
  }

  private put(key: string, value: unknown): void {
    const text = encode(value);
    // CacheService refuses a value over 100 KB (UTF-8 bytes): such a sheet is simply read every time.
    if (!fitsCache(text)) return;
    this.pending[PREFIX + key] = text;
  }

  timeZone(): string | null {
    return this.get<string>(TIME_ZONE);
  }

  rememberTimeZone(zone: string): void {
    this.put(TIME_ZONE, zone);
  }

  header(sheet: string): Cell[] | null {
    return this.sheets.headers.includes(sheet) ? this.get<Cell[]>(headerKey(sheet)) : null;
  }

  rememberHeader(sheet: string, header: readonly Cell[]): void {
    if (this.sheets.headers.includes(sheet)) this.put(headerKey(sheet), header);
  }

  grid(sheet: string): Cell[][] | null {
    return this.sheets.grids.includes(sheet) ? this.get<Cell[][]>(gridKey(sheet)) : null;
  }

  rememberGrid(sheet: string, grid: readonly Cell[][]): void {
    if (this.sheets.grids.includes(sheet)) this.put(gridKey(sheet), grid);
  }

  /** Drops what the cache holds of `sheet` (found stale): now, so the next request does not use it either. */
  forget(sheet: string): void {
    const keys = [PREFIX + headerKey(sheet), PREFIX + gridKey(sheet)];
    for (const key of keys) {
      delete this.all()[key];
      delete this.pending[key];
    }
    try {
      this.port.removeAll(keys);
    } catch (error) {
      this.warn(`No se pudo borrar de la caché la copia de ${sheet}`, error);
    }
  }

  /** Stores what was read fresh in this request, in one call (nothing to do when all came from the cache). */
  save(): void {
    if (Object.keys(this.pending).length === 0) return;
    const entries = { ...this.pending };
    for (const key of Object.keys(this.pending)) delete this.pending[key];
    try {
      this.port.putAll(entries, CACHE_SECONDS);
    } catch (error) {
      // Runs after a commit: what the sheet saved stays saved; the next request reads the sheets instead.
      this.warn('No se pudo guardar la copia de las hojas en la caché', error);
    }
  }
}
