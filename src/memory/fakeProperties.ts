// In-memory PropertiesService: per-store limits in UTF-8 bytes like Apps Script (a property 9 KB, a store
// 500 KB), calls counted in a CallCounter, and failures injectable per method.

import { PROPERTY_MAX_BYTES, PROPERTY_STORE_MAX_BYTES, utf8Length } from '../domain/bytes';
import { CallCounter } from './callCounter';
import { Faults } from './faults';

export const PROPERTIES_TARGET = '(properties)';

/** Apps Script's messages for a property too large and a store over its quota. */
export const PROPERTY_TOO_LARGE = 'Exception: Argument too large: value';
export const PROPERTY_STORE_FULL =
  'Exception: You have exceeded the property storage quota. Please remove some properties and try again.';

export class FakeProperties {
  private readonly data = new Map<string, string>();
  constructor(
    private readonly calls = new CallCounter(),
    /** Failures a test plans: `properties.setProperty`, `properties.deleteProperty`, `properties.getProperties`. */
    readonly faults = new Faults(),
  ) {}

  /** Bytes the store holds (every key and value, UTF-8). */
  storeBytes(): number {
    let total = 0;
    for (const [key, value] of this.data) total += utf8Length(key) + utf8Length(value);
    return total;
  }

  getProperty(key: string): string | null {
    this.calls.record(PROPERTIES_TARGET, 'getProperty');
    this.faults.check('properties.getProperty');
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string): FakeProperties {
    this.calls.record(PROPERTIES_TARGET, 'setProperty');
    this.faults.check('properties.setProperty');
    const text = String(value);
    // Apps Script refuses a value over 9 KB (UTF-8 bytes, key included) and a store over 500 KB.
    const size = utf8Length(key) + utf8Length(text);
    if (size > PROPERTY_MAX_BYTES) throw new Error(PROPERTY_TOO_LARGE);
    const old = this.data.get(key);
    const before = old === undefined ? 0 : utf8Length(key) + utf8Length(old);
    if (this.storeBytes() - before + size > PROPERTY_STORE_MAX_BYTES) throw new Error(PROPERTY_STORE_FULL);
    this.data.set(key, text);
    return this;
  }
  deleteProperty(key: string): FakeProperties {
    this.calls.record(PROPERTIES_TARGET, 'deleteProperty');
    this.faults.check('properties.deleteProperty');
    this.data.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    this.calls.record(PROPERTIES_TARGET, 'getProperties');
    this.faults.check('properties.getProperties');
    return Object.fromEntries(this.data);
  }
}

export class FakePropertiesService {
  readonly document: FakeProperties;
  readonly script: FakeProperties;
  readonly user: FakeProperties;
  /** Where property calls are counted (get 30 ms, set/delete 62 ms under the cost model). */
  constructor(
    readonly calls = new CallCounter(),
    readonly faults = new Faults(),
  ) {
    this.document = new FakeProperties(calls, faults);
    this.script = new FakeProperties(calls);
    this.user = new FakeProperties(calls);
  }
  getDocumentProperties() {
    return this.document;
  }
  getScriptProperties() {
    return this.script;
  }
  getUserProperties() {
    return this.user;
  }
}
