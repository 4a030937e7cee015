// An accessible tab bar (WAI-ARIA tabs, manual activation): arrows, Home and End move the focus, Enter,
// Space or a click shows the tab (showing a section may load it: one call per choice, not per arrow).

import type { ComponentChildren } from 'preact';

export interface TabItem<T extends string> {
  id: T;
  text: string;
}

interface Props<T extends string> {
  /** Accessible name of the tab list. */
  label: string;
  /** Prefix of the tabs' and the panel's element ids (unique on the page). */
  idPrefix: string;
  tabs: Array<TabItem<T>>;
  current: T;
  onSelect: (id: T) => void;
  /** The shown tab's content, inside its role=tabpanel. */
  children: ComponentChildren;
}

export function Tabs<T extends string>({ label, idPrefix, tabs, current, onSelect, children }: Props<T>) {
  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = Array.from(
      (e.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('[role="tab"]'),
    );
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next =
      e.key === 'ArrowRight'
        ? (at + 1) % buttons.length
        : e.key === 'ArrowLeft'
          ? (at - 1 + buttons.length) % buttons.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? buttons.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    buttons[next]!.focus();
  };
  return (
    <div class="tabs">
      <div role="tablist" aria-label={label} class="tablist" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            type="button"
            role="tab"
            key={tab.id}
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={tab.id === current}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={tab.id === current ? 0 : -1}
            class={tab.id === current ? 'tab on' : 'tab'}
            onClick={() => onSelect(tab.id)}
          >
            {tab.text}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${current}`}>
        {children}
      </div>
    </div>
  );
}
