// What every view component of the sidebar receives: the screen state, the controller, the words.

import type { SidebarController } from '../controller';
import type { Translator } from '../i18n';
import type { ScreenState } from '../state';

/** Today's date on the device, for short times ("10:32" today, "09-05 10:32" another day). */
export type Today = { day: number; month: number; year: number };

export interface PartProps {
  state: ScreenState;
  controller: SidebarController;
  tr: Translator;
}
