// Where the add-on's menu is, for messages that send the user to one of its items: a bound script's menu (and
// an installed add-on's) sits under Extensions → the project's name (docs/sidebar.md).

export const MENU = 'Extensiones → Spool Union Tracker';

/** `Extensiones → Spool Union Tracker → <caption>`. */
export const menuItem = (caption: string) => `${MENU} → ${caption}`;

/** What to do about a missing column, after a SCHEMA message naming it. */
export const RUN_MIGRATION = `Ejecute ${menuItem('Migrar esquema…')}: agrega las columnas que puede y dice cómo agregar las demás.`;
