// The sidebar's entry point in the browser: wires google.script.run (through serverClient), localStorage
// and the clock to the controller, and renders the view on every state change.

import { render } from 'preact';
import { randomRequestId, SidebarController, type KeyValueStore } from './controller';
import { createServerClient } from './serverClient';
import { App } from './view/App';

type PageGlobals = { localStorage?: Storage };

const page = globalThis as unknown as PageGlobals;
const store: KeyValueStore = {
  get: (key) => page.localStorage?.getItem(key) ?? null,
  set: (key, value) => page.localStorage?.setItem(key, value),
};
const controller = new SidebarController({
  client: createServerClient(),
  store,
  newRequestId: () => randomRequestId(globalThis.crypto),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

const root = document.getElementById('app');
const draw = () => {
  const now = new Date();
  const today = { day: now.getDate(), month: now.getMonth() + 1, year: now.getFullYear() };
  document.documentElement.lang = controller.state.locale;
  if (root) render(<App state={controller.state} controller={controller} today={today} />, root);
};
controller.subscribe(draw);
draw();
void controller.start();
