// The add-on menu: captions in Spanish, each item naming the top-level function it runs.

export type MenuEntry = { caption: string; functionName: string } | 'separator';

export const MENU_ITEMS: readonly MenuEntry[] = [
  { caption: 'Registrar ARM / SOLD', functionName: 'showSidebar' },
  'separator',
  { caption: 'Recalcular métricas ahora', functionName: 'menuRecomputeMetrics' },
  { caption: 'Progreso de tareas', functionName: 'menuShowJobStatus' },
  { caption: 'Activar recálculo automático', functionName: 'menuEnableMetricsTrigger' },
  { caption: 'Desactivar recálculo automático', functionName: 'menuDisableMetricsTrigger' },
  'separator',
  { caption: 'Migrar esquema…', functionName: 'menuMigrateSchema' },
];

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
