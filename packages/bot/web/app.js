// The resonet chat page: Microsoft's Web Chat connected to the bot through Direct Line.
// The token comes from the bot (POST /api/directline/token): locally from its built-in
// Direct Line, in production from Azure's, exchanged on the server so that the secret never
// reaches the browser. See docs/web-chat.md.

(() => {
  const TEXT = {
    en: {
      title: 'resonet — chat with the network assistant',
      description:
        'Ask about Treatnet and the ITTC Network, and take a needs assessment, in English or Vietnamese.',
      heading: 'resonet',
      subtitle: 'Assistant for Treatnet and the ITTC Network',
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
      title: 'resonet — trò chuyện với trợ lý mạng lưới',
      description:
        'Hỏi về Treatnet và Mạng lưới ITTC, và thực hiện đánh giá nhu cầu, bằng tiếng Việt hoặc tiếng Anh.',
      heading: 'resonet',
      subtitle: 'Trợ lý của Treatnet và Mạng lưới ITTC',
      skip: 'Chuyển đến cuộc trò chuyện',
      languages: 'Ngôn ngữ',
      chat: 'Trò chuyện với trợ lý resonet',
      reload: 'Tải lại',
      noWebChat: 'Không tải được khung trò chuyện (thiếu Web Chat). Hãy tải lại trang để thử lại.',
      noToken: 'Không kết nối được ({reason}). Hãy tải lại trang để thử lại.',
      failed: 'Mất kết nối. Hãy tải lại trang để thử lại.',
      reconnecting: 'Mất kết nối. Đang kết nối lại…',
      reconnected:
        'Kết nối bị gián đoạn (có thể bot đã khởi động lại) nên một cuộc trò chuyện mới đã bắt đầu. Những gì bạn đã trả lời vẫn được giữ.',
      dismiss: 'Đóng',
    },
  };
  const LOCALES = { en: 'en-US', vi: 'vi-VN' };
  // Direct Line connection states (DirectLineJS ConnectionStatus).
  const ONLINE = 2;
  const EXPIRED_TOKEN = 3;
  const FAILED_TO_CONNECT = 4;
  const ENDED = 5;
  // Waits before reconnecting, in a row; then the member is asked to reload.
  const RETRY_MS = [500, 1000, 2000, 4000, 8000, 15000, 30000];
  const WATCH_MS = 3000;

  const remembered = (key) => {
    try {
      return localStorage.getItem(`resonet.${key}`);
    } catch {
      return null;
    }
  };
  const remember = (key, value) => {
    try {
      localStorage.setItem(`resonet.${key}`, value);
    } catch {
      // Private browsing: the page still works, it just forgets.
    }
  };

  const isLang = (value) => value === 'en' || value === 'vi';
  const requested = new URLSearchParams(location.search).get('lang');
  let lang = isLang(requested)
    ? requested
    : isLang(remembered('lang'))
      ? remembered('lang')
      : (navigator.language || '').toLowerCase().startsWith('vi')
        ? 'vi'
        : 'en';

  const chat = document.getElementById('chat');
  const status = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  const reloadButton = document.getElementById('reload');
  let session;
  let retries = 0;
  /** The status shown, to show it again in the other language. */
  let shown;

  function applyLanguage() {
    const text = TEXT[lang];
    document.documentElement.lang = lang;
    document.title = text.title;
    document.querySelector('meta[name="description"]').setAttribute('content', text.description);
    for (const element of document.querySelectorAll('[data-text]'))
      element.textContent = text[element.dataset.text];
    for (const element of document.querySelectorAll('[data-label]'))
      element.setAttribute('aria-label', text[element.dataset.label]);
    for (const button of document.querySelectorAll('button[data-lang]'))
      button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    if (shown) showStatus(shown.key, shown.values, shown.reload);
  }

  /** Shows a message; `reload` offers the Reload button, otherwise a Close button. */
  function showStatus(key, values = {}, reload = true) {
    shown = { key, values, reload };
    statusText.textContent = TEXT[lang][key].replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
    reloadButton.dataset.text = reload ? 'reload' : 'dismiss';
    reloadButton.textContent = TEXT[lang][reloadButton.dataset.text];
    status.hidden = false;
  }
  function hideStatus() {
    shown = undefined;
    status.hidden = true;
  }

  const styleOptions = {
    accent: '#0b5394',
    bubbleMaxWidth: 640,
    bubbleMinWidth: 0,
    hideUploadButton: true,
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
    sendBoxHeight: 48,
    transcriptVisualKeyboardIndicatorColor: '#f4b400',
  };

  // A line that starts "2. …" (numbered choices, recommendations) is meant as it is: read as
  // Markdown it would become a one-item list, numbered 1.
  const renderMarkdown =
    window.WebChat?.renderMarkdown &&
    ((markdown, ...options) =>
      window.WebChat.renderMarkdown(markdown.replace(/^(\s*\d+)\. /gm, '$1\\. '), ...options));

  function render() {
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
    if (!window.WebChat) {
      showStatus('noWebChat');
      return;
    }
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
      showStatus('noToken', { reason: error.message });
      return;
    }
    remember('userId', grant.userId);
    const directLine = window.WebChat.createDirectLine({
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
    session = { directLine, store: window.WebChat.createStore({}, followLanguage) };
    render();
    if (!grant.webSocket) watch(directLine, grant);
  }

  /**
   * The bot's own Direct Line is polled, and DirectLineJS stops polling quietly when the bot
   * goes away: every few seconds the page asks whether the conversation is still there, and
   * starts a new one when it is not (the bot restarted) or the bot cannot be reached.
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

  /** Gives up a conversation once (ending it reports its end again) and starts another. */
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

  /** Switches the page and Web Chat, and tells the bot unless it already knows. */
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
   * Web Chat store middleware: when the member clicks the bot's own language button, the
   * page names the language it switches to, so that the page and the bot stay together.
   */
  function followLanguage() {
    return (next) => (action) => {
      const activity = action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.payload?.activity;
      const value = activity?.value;
      if (value?.action !== 'language' || value.lang) return next(action);
      const other = lang === 'en' ? 'vi' : 'en';
      setTimeout(() => setLanguage(other, false));
      return next({
        ...action,
        payload: { ...action.payload, activity: { ...activity, value: { ...value, lang: other } } },
      });
    };
  }

  for (const button of document.querySelectorAll('button[data-lang]'))
    button.addEventListener('click', () => setLanguage(button.dataset.lang));
  reloadButton.addEventListener('click', () =>
    reloadButton.dataset.text === 'dismiss' ? hideStatus() : location.reload(),
  );
  start();
})();
