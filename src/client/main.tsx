// The sidebar's entry point in the browser: wires google.script.run (through serverClient), localStorage
// and the clock to the controller, and renders the view on every state change.

import { render } from 'preact';
import { randomRequestId, SidebarController, type KeyValueStore } from './controller';
import { todayIn } from './panelState';
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
  // Today in the spreadsheet's time zone: the server writes every date in it (design §2), so "today" on the
  // device (another zone, or past midnight there) would call a time of today "yesterday".
  const today = todayIn(Date.now(), controller.state.boot?.timeZone);
  document.documentElement.lang = controller.state.locale;
  if (root) render(<App state={controller.state} controller={controller} today={today} />, root);
};
controller.subscribe(draw);
draw();
void controller.start();
