// The resonet chat page: Microsoft's Web Chat connected to the bot through Direct Line.
// The token comes from the bot (POST /api/directline/token): locally from its built-in
// Direct Line, in production from Azure's, exchanged on the server so that the secret never
// reaches the browser. See docs/web-chat.md. TypeScript checks this file (JSDoc types;
// web/tsconfig.json, part of npm run typecheck).

/** @typedef {'en' | 'vi'} Lang */
/**
 * What the token endpoint answers (POST /api/directline/token).
 * @typedef {{ token: string, conversationId: string, userId: string, domain: string, webSocket: boolean, error?: string }} Grant
 */
/**
 * The conversation Web Chat is connected to.
 * @typedef {{ directLine: DirectLineConnection, store: WebChatStore, lost?: boolean }} Session
 */

(() => {
  const TEXT = {
    en: {
      title: '{name} — chat with the network assistant',
      description: 'Ask about {about}, and take a needs assessment, in English or Vietnamese.',
      heading: 'resonet',
      subtitle: 'Network information assistant',
      skip: 'Skip to the chat',
      languages: 'Language',
      chat: 'Chat with the resonet assistant',
      reload: 'Reload',
      noWebChat: 'The chat could not load (Web Chat is missing). Reload the page to try again.',
      noToken: 'The chat could not connect ({reason}). Reload the page to try again.',
      failed: 'The chat lost its connection. Reload the page to try again.',
      reconnecting: 'The chat lost its connection. Reconnecting…',
      reconnected:
        'The connection was lost (the bot may have restarted), so a new conversation has started. Nothing you answered is lost.',
      dismiss: 'Close',
    },
    vi: {
      title: '{name} — trò chuyện với trợ lý mạng lưới',
      description: 'Hỏi về {about}, và thực hiện đánh giá nhu cầu, bằng tiếng Việt hoặc tiếng Anh.',
      heading: 'resonet',
      subtitle: 'Trợ lý thông tin mạng lưới',
      skip: 'Chuyển đến cuộc trò chuyện',
      languages: 'Ngôn ngữ',
      chat: 'Trò chuyện với trợ lý resonet',
      reload: 'Tải lại',
      noWebChat: 'Không tải được khung trò chuyện (thiếu Web Chat). Hãy tải lại trang để thử lại.',
      noToken: 'Không kết nối được ({reason}). Hãy tải lại trang để thử lại.',
      failed: 'Mất kết nối. Hãy tải lại trang để thử lại.',
      reconnecting: 'Mất kết nối. Đang kết nối lại…',
      reconnected:
        'Kết nối bị gián đoạn (có thể bot đã khởi động lại) nên đã mở một phiên trò chuyện mới. Những gì Anh/Chị đã trả lời vẫn được giữ.',
      dismiss: 'Đóng',
    },
  };
  /** @typedef {keyof typeof TEXT.en} TextKey */
  /**
   * The pack's branding, written into the page by the bot (meta resonet-branding).
   * @typedef {{ en: string, vi?: string }} Localized
   * @typedef {{ name: Localized, description: Localized, about: Localized, colour: string, logo?: string }} Branding
   */
  /** @returns {Branding | undefined} */
  const readBranding = () => {
    const content = document
      .querySelector('meta[name="resonet-branding"]')
      ?.getAttribute('content');
    try {
      return content ? JSON.parse(content) : undefined;
    } catch {
      return undefined;
    }
  };
  const branding = readBranding();
  if (branding)
    for (const key of /** @type {Lang[]} */ (['en', 'vi'])) {
      /** @param {Localized} text */
      const own = (text) => text[key] ?? text.en;
      TEXT[key].heading = own(branding.name);
      TEXT[key].title = TEXT[key].title.replace('{name}', own(branding.name));
      TEXT[key].subtitle = own(branding.description);
      TEXT[key].chat = own(branding.name);
      TEXT[key].description = TEXT[key].description.replace('{about}', own(branding.about));
    }
  else
    for (const key of /** @type {Lang[]} */ (['en', 'vi'])) {
      TEXT[key].title = TEXT[key].title.replace('{name}', 'resonet');
      TEXT[key].description = TEXT[key].description.replace(
        '{about}',
        key === 'vi' ? 'mạng lưới' : 'the network',
      );
    }
  /** @type {Record<Lang, string>} */
  const LOCALES = { en: 'en-US', vi: 'vi-VN' };
  // Direct Line connection states (DirectLineJS ConnectionStatus).
  const ONLINE = 2;
  const EXPIRED_TOKEN = 3;
  const FAILED_TO_CONNECT = 4;
  const ENDED = 5;
  // Waits before reconnecting, in a row; then the member is asked to reload.
  const RETRY_MS = [500, 1000, 2000, 4000, 8000, 15000, 30000];
  const WATCH_MS = 3000;

  /** @param {string} key */
  const remembered = (key) => {
    try {
      return localStorage.getItem(`resonet.${key}`);
    } catch {
      return null;
    }
  };
  /**
   * @param {string} key
   * @param {string} value
   */
  const remember = (key, value) => {
    try {
      localStorage.setItem(`resonet.${key}`, value);
    } catch {
      // Private browsing: the page still works, it just forgets.
    }
  };

  /**
   * @param {unknown} value
   * @returns {value is Lang}
   */
  const isLang = (value) => value === 'en' || value === 'vi';
  const requested = new URLSearchParams(location.search).get('lang');
  const saved = remembered('lang');
  /** @type {Lang} */
  let lang = isLang(requested)
    ? requested
    : isLang(saved)
      ? saved
      : (navigator.language || '').toLowerCase().startsWith('vi')
        ? 'vi'
        : 'en';

  /**
   * An element the page's HTML always has.
   * @param {string} id
   */
  const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const chat = byId('chat');
  const status = byId('status');
  const statusText = byId('status-text');
  const reloadButton = byId('reload');
  /** @type {Session | undefined} */
  let session;
  let retries = 0;
  /**
   * The status shown, to show it again in the other language.
   * @type {{ key: TextKey, values: Record<string, string>, reload: boolean } | undefined}
   */
  let shown;

  /**
   * A text of the page in its language.
   * @param {string | undefined} key
   */
  const textOf = (key) =>
    key && key in TEXT[lang] ? TEXT[lang][/** @type {TextKey} */ (key)] : '';

  function applyLanguage() {
    const text = TEXT[lang];
    document.documentElement.lang = lang;
    document.title = text.title;
    document.querySelector('meta[name="description"]')?.setAttribute('content', text.description);
    for (const element of document.querySelectorAll('[data-text]'))
      if (element instanceof HTMLElement) element.textContent = textOf(element.dataset.text);
    for (const element of document.querySelectorAll('[data-label]'))
      if (element instanceof HTMLElement)
        element.setAttribute('aria-label', textOf(element.dataset.label));
    for (const button of document.querySelectorAll('button[data-lang]'))
      if (button instanceof HTMLElement)
        button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    if (shown) showStatus(shown.key, shown.values, shown.reload);
  }

  /**
   * Shows a message; `reload` offers the Reload button, otherwise a Close button.
   * @param {TextKey} key
   * @param {Record<string, string>} [values]
   */
  function showStatus(key, values = {}, reload = true) {
    shown = { key, values, reload };
    statusText.textContent = TEXT[lang][key].replace(
      /\{(\w+)\}/g,
      (_, /** @type {string} */ name) => values[name] ?? '',
    );
    reloadButton.dataset.text = reload ? 'reload' : 'dismiss';
    reloadButton.textContent = textOf(reloadButton.dataset.text);
    status.hidden = false;
  }
  function hideStatus() {
    shown = undefined;
    status.hidden = true;
  }

  const styleOptions = {
    accent: branding?.colour ?? '#0b5394',
    bubbleMaxWidth: 640,
    bubbleMinWidth: 0,
    hideUploadButton: true,
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
    sendBoxHeight: 48,
    transcriptVisualKeyboardIndicatorColor: '#f4b400',
  };

  // A line that starts "2. …" (numbered choices, recommendations) is meant as it is: read as
  // Markdown it would become a one-item list, numbered 1.
  const markdown = window.WebChat?.renderMarkdown;
  const renderMarkdown =
    markdown &&
    /** @type {(text: string, ...options: unknown[]) => string} */ (
      (text, ...options) => markdown(text.replace(/^(\s*\d+)\. /gm, '$1\\. '), ...options)
    );

  function render() {
    if (!window.WebChat || !session) return;
    window.WebChat.renderWebChat(
      {
        directLine: session.directLine,
        store: session.store,
        locale: LOCALES[lang],
        styleOptions,
        ...(renderMarkdown ? { renderMarkdown } : {}),
      },
      chat,
    );
  }

  /**
   * Connects Web Chat to a new conversation for the member (the same user id, so their open
   * assessment is still theirs). `again` when an earlier conversation was lost.
   */
  async function start(again = false) {
    applyLanguage();
    const WebChat = window.WebChat;
    if (!WebChat) {
      showStatus('noWebChat');
      return;
    }
    /** @type {Grant} */
    let grant;
    try {
      const response = await fetch('/api/directline/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(remembered('userId') ? { userId: remembered('userId') } : {}),
      });
      grant = await response.json();
      if (!response.ok) throw new Error(grant?.error || `HTTP ${response.status}`);
    } catch (error) {
      if (again) return retry();
      showStatus('noToken', { reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    remember('userId', grant.userId);
    const directLine = WebChat.createDirectLine({
      token: grant.token,
      domain: new URL(grant.domain, location.href).href,
      conversationStartProperties: { locale: LOCALES[lang] },
      // Azure's Direct Line streams over a WebSocket; the bot's own answers plain polling.
      webSocket: grant.webSocket,
      ...(grant.webSocket ? {} : { pollingInterval: 400 }),
    });
    directLine.connectionStatus$.subscribe((value) => {
      if (session?.directLine !== directLine) return;
      if (value === ONLINE) {
        retries = 0;
        if (again) showStatus('reconnected', {}, false);
      } else if (value === ENDED || value === EXPIRED_TOKEN || value === FAILED_TO_CONNECT) {
        // The conversation is gone (the bot restarted, or the token expired): start a new
        // one by itself rather than leave the member with messages that cannot be sent.
        lose(directLine);
      }
    });
    session = { directLine, store: WebChat.createStore({}, followLanguage) };
    render();
    if (!grant.webSocket) watch(directLine, grant);
  }

  /**
   * The bot's own Direct Line is polled, and DirectLineJS stops polling quietly when the bot
   * goes away: every few seconds the page asks whether the conversation is still there, and
   * starts a new one when it is not (the bot restarted) or the bot cannot be reached.
   * @param {DirectLineConnection} directLine
   * @param {Grant} grant
   */
  function watch(directLine, grant) {
    const url = new URL(`${grant.domain}/conversations/${grant.conversationId}`, location.href);
    const timer = setInterval(async () => {
      if (session?.directLine !== directLine || session.lost) return clearInterval(timer);
      let lost = false;
      try {
        const response = await fetch(url, {
          headers: { authorization: `Bearer ${directLine.token || grant.token}` },
        });
        lost = response.status === 404 || response.status === 403;
      } catch {
        lost = true;
      }
      if (!lost) return;
      clearInterval(timer);
      lose(directLine);
    }, WATCH_MS);
  }

  /**
   * Gives up a conversation once (ending it reports its end again) and starts another.
   * @param {DirectLineConnection} directLine
   */
  function lose(directLine) {
    if (session?.directLine !== directLine || session.lost) return;
    session.lost = true;
    directLine.end?.();
    retry();
  }

  function retry() {
    if (retries >= RETRY_MS.length) {
      showStatus('failed');
      return;
    }
    showStatus('reconnecting', {}, false);
    setTimeout(() => start(true), RETRY_MS[retries++]);
  }

  /**
   * Switches the page and Web Chat, and tells the bot unless it already knows.
   * @param {unknown} next
   */
  function setLanguage(next, tellBot = true) {
    if (!isLang(next) || next === lang) return;
    lang = next;
    remember('lang', lang);
    applyLanguage();
    if (!session) return;
    render();
    // A post back reaches the bot without showing a message in the chat.
    if (tellBot)
      session.store.dispatch({
        type: 'WEB_CHAT/SEND_POST_BACK',
        payload: { value: { action: 'language', lang } },
      });
  }

  /**
   * A reply marked with the member's language (the bot's `locale`) that differs from the
   * page's: the member switched by typing ("tiếng Việt"), so the page switches too.
   * @param {WebChatActivity | undefined} activity
   */
  function followBot(activity) {
    if (activity?.from?.role !== 'bot' || typeof activity.locale !== 'string') return;
    const said = activity.locale.slice(0, 2);
    if (isLang(said) && said !== lang) setTimeout(() => setLanguage(said, false));
  }

  /**
   * Web Chat store middleware: when the member clicks the bot's own language button, the
   * page names the language it switches to, so that the page and the bot stay together.
   */
  function followLanguage() {
    return (/** @type {(action: WebChatAction) => unknown} */ next) =>
      (/** @type {WebChatAction} */ action) => {
        if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') followBot(action.payload?.activity);
        const activity =
          action.type === 'DIRECT_LINE/POST_ACTIVITY' ? action.payload?.activity : undefined;
        const value = activity?.value;
        if (value?.action !== 'language' || value.lang) return next(action);
        const other = lang === 'en' ? 'vi' : 'en';
        setTimeout(() => setLanguage(other, false));
        return next({
          ...action,
          payload: {
            ...action.payload,
            activity: { ...activity, value: { ...value, lang: other } },
          },
        });
      };
  }

  /**
   * The Adaptive Cards renderer ties a choice set's label (the question) to its first choice
   * only; naming the whole group by it lets screen readers say the question with any choice.
   * @param {ParentNode} root
   */
  function labelChoiceGroups(root) {
    for (const label of root.querySelectorAll('label[for]')) {
      const group = document.getElementById(label.getAttribute('for') ?? '');
      const choices =
        group?.classList.contains('ac-choiceSetInput-expanded') ||
        group?.classList.contains('ac-choiceSetInput-multiSelect');
      if (!group || !choices || group.hasAttribute('role')) continue;
      const multi = group.querySelector('input[type="checkbox"]');
      group.setAttribute('role', multi ? 'group' : 'radiogroup');
      group.setAttribute('aria-labelledby', label.id);
    }
  }
  new MutationObserver(() => labelChoiceGroups(chat)).observe(chat, {
    childList: true,
    subtree: true,
  });

  for (const button of document.querySelectorAll('button[data-lang]'))
    if (button instanceof HTMLElement)
      button.addEventListener('click', () => setLanguage(button.dataset.lang));
  reloadButton.addEventListener('click', () =>
    reloadButton.dataset.text === 'dismiss' ? hideStatus() : location.reload(),
  );
  start();
})();
