// What the page's script uses from Web Chat's browser bundle (botframework-webchat), loaded
// before it by index.html. Only the parts app.js touches are described.
interface DirectLineConnection {
  token?: string;
  connectionStatus$: { subscribe(next: (status: number) => void): unknown };
  end?: () => void;
}

interface WebChatStore {
  dispatch(action: { type: string; payload?: unknown }): unknown;
}

interface WebChatActivity extends Record<string, unknown> {
  from?: { role?: string };
  locale?: unknown;
  value?: { action?: string; lang?: string };
}

interface WebChatAction {
  type: string;
  payload?: { activity?: WebChatActivity } & Record<string, unknown>;
}

interface WebChatGlobal {
  createDirectLine(options: Record<string, unknown>): DirectLineConnection;
  createStore(
    initial: Record<string, unknown>,
    ...middleware: (() => (
      next: (action: WebChatAction) => unknown,
    ) => (action: WebChatAction) => unknown)[]
  ): WebChatStore;
  renderWebChat(options: Record<string, unknown>, element: HTMLElement): void;
  renderMarkdown?: (markdown: string, ...options: unknown[]) => string;
}

interface Window {
  WebChat?: WebChatGlobal;
}
