// The in-memory Apps Script services, one file per class; this module gathers them for importers.

export { LOCK_TARGET, FakeLock, FakeLockService, FakeLockState } from './fakeLock';
export {
  PROPERTIES_TARGET,
  PROPERTY_STORE_FULL,
  PROPERTY_TOO_LARGE,
  FakeProperties,
  FakePropertiesService,
} from './fakeProperties';
export {
  TOO_MANY_TIME_TRIGGERS,
  TRIGGERS_TARGET,
  FakeScriptApp,
  type FakeScriptAppOptions,
  type FakeTrigger,
  type UserTriggersBehaviour,
} from './fakeScriptApp';
export {
  FakeHtmlOutput,
  FakeHtmlService,
  FakeSession,
  FakeUi,
  type RecordedMenu,
  type RecordedMenuItem,
} from './fakeUi';
export { CACHE_TARGET, CACHE_TOO_LARGE, FakeCache, FakeCacheService } from './fakeCache';
export { Faults } from './faults';
