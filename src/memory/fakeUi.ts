// In-memory Ui (menus, alerts, sidebars, dialogs recorded), HtmlService and Session, shaped like Apps Script's.

export interface RecordedMenuItem {
  caption: string;
  functionName: string;
}

export interface RecordedMenu {
  title: string;
  items: Array<RecordedMenuItem | 'separator'>;
}

export class FakeUi {
  readonly menus: RecordedMenu[] = [];
  readonly alerts: Array<{ title: string; message: string }> = [];
  readonly sidebars: Array<{ title: string; content: string }> = [];
  readonly dialogs: Array<{ title: string; content: string }> = [];
  /** Answers the next confirm-style alerts will get ('YES' / 'NO'), in order; default YES. */
  readonly scriptedAnswers: string[] = [];
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };

  private builder(title: string) {
    const menu: RecordedMenu = { title, items: [] };
    const builder = {
      addItem: (caption: string, functionName: string) => {
        menu.items.push({ caption, functionName });
        return builder;
      },
      addSeparator: () => {
        menu.items.push('separator');
        return builder;
      },
      addToUi: () => {
        this.menus.push(menu);
      },
    };
    return builder;
  }

  createMenu(title: string) {
    return this.builder(title);
  }

  createAddonMenu() {
    return this.builder('(add-on)');
  }

  alert(titleOrPrompt: string, prompt?: string, buttons?: string): string {
    const message = prompt ?? titleOrPrompt;
    this.alerts.push({ title: prompt === undefined ? '' : titleOrPrompt, message });
    if (buttons === this.ButtonSet.YES_NO || buttons === this.ButtonSet.OK_CANCEL) {
      return this.scriptedAnswers.shift() ?? this.Button.YES;
    }
    return this.Button.OK;
  }

  showSidebar(output: FakeHtmlOutput): void {
    this.sidebars.push({ title: output.getTitle(), content: output.getContent() });
  }

  showModalDialog(output: FakeHtmlOutput, title: string): void {
    this.dialogs.push({ title, content: output.getContent() });
  }
}

export class FakeHtmlOutput {
  private title = '';
  private width = 300;
  constructor(private content: string) {}
  setTitle(title: string) {
    this.title = title;
    return this;
  }
  getTitle() {
    return this.title;
  }
  setWidth(width: number) {
    this.width = width;
    return this;
  }
  getWidth() {
    return this.width;
  }
  getContent() {
    return this.content;
  }
  append(html: string) {
    this.content += html;
    return this;
  }
}

export class FakeHtmlService {
  /** Files pushed next to Code.js (e.g. Sidebar), by name without extension. */
  constructor(private readonly files: Record<string, string> = {}) {}
  createHtmlOutput(html = ''): FakeHtmlOutput {
    return new FakeHtmlOutput(html);
  }
  createHtmlOutputFromFile(name: string): FakeHtmlOutput {
    const content = this.files[name];
    if (content === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
    return new FakeHtmlOutput(content);
  }
}

export class FakeSession {
  constructor(private readonly email = 'supervisor@example.com') {}
  getActiveUser() {
    return { getEmail: () => this.email };
  }
  getEffectiveUser() {
    return { getEmail: () => this.email };
  }
}
