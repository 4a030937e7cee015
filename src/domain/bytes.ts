// Apps Script's size limits and the UTF-8 byte count they are measured in (Apps Script has no TextEncoder).

/** A cell holds at most 50,000 characters (Sheets counts characters, not bytes). */
export const CELL_MAX_CHARS = 50_000;
/** CacheService: a value of at most 100 KB, counted in UTF-8 bytes. */
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
/** PropertiesService: a property (key and value) of at most 9 KB, counted in UTF-8 bytes. */
export const PROPERTY_MAX_BYTES = 9 * 1024;
/** PropertiesService: a store (every key and value together) of at most 500 KB, in UTF-8 bytes. */
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

/**
 * UTF-8 byte length of `text`, counted by hand: 1 byte below U+0080, 2 below U+0800, 4 for a surrogate
 * pair (one code point above U+FFFF), 3 otherwise (a lone surrogate too, as it would be encoded U+FFFD).
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether `key` = `value` fits in one document property (9 KB, key included). */
export function fitsProperty(key: string, value: string): boolean {
  return utf8Length(key) + utf8Length(value) <= PROPERTY_MAX_BYTES;
}

/** Whether `value` fits in one cache entry (100 KB). */
export function fitsCache(value: string): boolean {
  return utf8Length(value) <= CACHE_VALUE_MAX_BYTES;
}

/**
 * The first `length` UTF-16 units of `text`, one fewer when the cut would keep half of a surrogate pair
 * (an emoji): a lone surrogate reads back as garbage (U+FFFD) wherever it is stored.
 */
export function cutText(text: string, length: number): string {
  if (text.length <= length) return text;
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/** What ends a text cut to fit its cell, so a reader knows it was cut. */
export const CUT_MARKER = '… [recortado]';

/**
 * `text` when it has at most `max` characters (default: a cell's 50,000 less one, for the apostrophe that
 * escapeText may add); otherwise cut (cutText: no half emoji) so that with CUT_MARKER at its end it has
 * exactly `max` or one fewer.
 */
export function fitCell(text: string, max = CELL_MAX_CHARS - 1): string {
  if (text.length <= max) return text;
  return cutText(text, max - CUT_MARKER.length) + CUT_MARKER;
}
