// The footer: the language of the sidebar.

import type { Locale } from '../i18n';
import type { PartProps } from './parts';

export function Footer({ state, controller, tr }: PartProps) {
  const locales: Locale[] = ['es', 'en'];
  return (
    <footer class="footer">
      <label class="label" for="language">
        {tr.t('language.label')}
      </label>
      <select
        id="language"
        value={state.locale}
        onChange={(e) => controller.setLocale((e.currentTarget as HTMLSelectElement).value as Locale)}
      >
        {locales.map((l) => (
          <option value={l} key={l}>
            {tr.t(('language.' + l) as 'language.es')}
          </option>
        ))}
      </select>
    </footer>
  );
}
