// The product's menu: captions in Spanish, each item naming the top-level function it runs, and where
// the menu goes: the add-on menu (Extensions → the project's name) whenever the event carries `authMode`,
// which a bound script's simple trigger gets too; a top-level menu only when run without an event.

export type MenuEntry = { caption: string; functionName: string } | 'separator';

/** Title of the top-level menu, built only when onOpen runs without an event (from the script editor). */
export const MENU_TITLE = 'Spool Union Tracker';

/**
 * Items in order. The automatic recompute is two items (Activar/Desactivar): a caption that shows the
 * current state would need a read in onOpen, which must make none.
 */
export const MENU_ITEMS: readonly MenuEntry[] = [
  { caption: 'Registrar ARM/SOLD…', functionName: 'showSidebar' },
  'separator',
  { caption: 'Recalcular métricas', functionName: 'menuRecomputeMetrics' },
  { caption: 'Resumen de producción', functionName: 'menuRefreshSummary' },
  { caption: 'Progreso de tareas', functionName: 'menuShowJobStatus' },
  { caption: 'Activar recálculo automático', functionName: 'menuEnableMetricsTrigger' },
  { caption: 'Desactivar recálculo automático', functionName: 'menuDisableMetricsTrigger' },
  'separator',
  { caption: 'Migrar esquema…', functionName: 'menuMigrateSchema' },
  'separator',
  { caption: 'Ayuda', functionName: 'menuShowHelp' },
];

/**
 * Which menu onOpen/onInstall build. Apps Script passes an event with `authMode` to the triggers of an
 * installed add-on (and to simple triggers); an add-on may only add the add-on menu, so any event with an
 * authMode gets it. Without an event (run from the editor of a bound script) the top-level menu is used.
 */
export function menuKind(e: unknown): 'addon' | 'topLevel' {
  return typeof e === 'object' && e !== null && 'authMode' in e ? 'addon' : 'topLevel';
}

interface MenuLike {
  addItem(caption: string, functionName: string): MenuLike;
  addSeparator(): MenuLike;
  addToUi(): void;
}

export function addMenu(menu: MenuLike): void {
  for (const entry of MENU_ITEMS) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.functionName);
  }
  menu.addToUi();
}
