/*
 * The web chat page. One WebSocket to /chat/ws per tab; replies arrive as the framework's neutral Reply JSON
 * ({"type":"text"|"quick_replies"|"cards"|"image"|"typing", ...}) and are rendered here.
 *
 * Bot data is only ever put into the page with textContent and checked URLs: never innerHTML.
 */
(function () {
  'use strict';

  var STORAGE = 'chatbot.';
  var MAX_TABS_REMEMBERED = 20;
  var PING_MILLIS = 25000;
  var TYPING_MILLIS = 15000;

  var log = document.getElementById('log');
  var form = document.getElementById('composer');
  var input = document.getElementById('input');
  var statusText = document.getElementById('status');

  var ids = loadIds();
  var socket = null;
  var retries = 0;
  var pingTimer = null;
  var typingTimer = null;
  var typingRow = null;
  // Sent but not yet acknowledged: resent with the same id after a reconnect (the server drops repeats).
  var pending = new Map();

  // ---- ids: one conversation per tab, one user per browser ----

  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  function storageGet(store, key) {
    try { return store.getItem(STORAGE + key); } catch (e) { return null; }
  }

  function storageSet(store, key, value) {
    try { store.setItem(STORAGE + key, value); } catch (e) { /* private mode: ids live as long as the page */ }
  }

  /*
   * The server issues every id with a token, and resumes an id only with its token: the page keeps both and never
   * makes up an id. The tab key lives in sessionStorage (it survives a reload, not a new tab); the conversation id
   * and its token are kept in localStorage under that key, and the user id and its token in localStorage for every
   * tab of this browser. A tab with nothing kept asks for a new conversation by presenting none.
   */
  function loadIds() {
    var tab = storageGet(sessionStorage, 'tab');
    if (!tab) {
      tab = randomId();
      storageSet(sessionStorage, 'tab', tab);
    }
    var tabs = {};
    try { tabs = JSON.parse(storageGet(localStorage, 'tabs') || '{}') || {}; } catch (e) { tabs = {}; }
    var kept = tabs[tab] || {};
    return {
      tab: tab, tabs: tabs,
      conversation: kept.conversation || null, conversationToken: kept.token || null,
      user: storageGet(localStorage, 'user'), userToken: storageGet(localStorage, 'user_token')
    };
  }

  function saveIds(current) {
    current.tabs[current.tab] = { conversation: current.conversation, token: current.conversationToken, seen: Date.now() };
    var keys = Object.keys(current.tabs).sort(function (a, b) { return current.tabs[b].seen - current.tabs[a].seen; });
    keys.slice(MAX_TABS_REMEMBERED).forEach(function (k) { delete current.tabs[k]; });
    storageSet(localStorage, 'tabs', JSON.stringify(current.tabs));
  }

  // ---- connection ----

  function setState(state, text) {
    document.body.setAttribute('data-state', state);
    statusText.textContent = text;
  }

  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    var params = [];
    [['conversation', ids.conversation], ['conversation_token', ids.conversationToken],
        ['user', ids.user], ['user_token', ids.userToken]].forEach(function (pair) {
      if (pair[1]) { params.push(pair[0] + '=' + encodeURIComponent(pair[1])); }
    });
    var url = scheme + '//' + location.host + '/chat/ws' + (params.length ? '?' + params.join('&') : '');
    setState('connecting', retries > 0 ? 'Reconnecting…' : 'Connecting…');
    socket = new WebSocket(url);
    socket.onopen = function () {
      retries = 0;
      pending.forEach(function (frame) { socket.send(JSON.stringify(frame)); });
      clearInterval(pingTimer);
      pingTimer = setInterval(function () { sendRaw({ type: 'ping' }); }, PING_MILLIS);
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame && typeof frame === 'object') {
        receive(frame);
      }
    };
    socket.onclose = function () {
      clearInterval(pingTimer);
      socket = null;
      setState('offline', 'Offline, reconnecting…');
      // Backoff with jitter, so a restarted server is not hit by every tab at once.
      var delay = Math.min(10000, 500 * Math.pow(2, retries)) * (0.5 + Math.random() / 2);
      retries++;
      setTimeout(connect, delay);
    };
  }

  function sendRaw(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  /** Shows the user's bubble at once and sends; it stays faded until the server acknowledges it. */
  function say(frame, shownText) {
    frame.id = randomId().slice(0, 24);
    var row = addBubble('user', shownText);
    row.classList.add('pending');
    row.setAttribute('data-id', frame.id);
    pending.set(frame.id, frame);
    sendRaw(frame);
  }

  // ---- inbound frames ----

  function receive(frame) {
    switch (frame.type) {
      case 'session':
        // The server has joined this socket to the conversation: replies from now on arrive here.
        setState('online', 'Online');
        if (typeof frame.conversation === 'string' && typeof frame.conversation_token === 'string') {
          ids.conversation = frame.conversation;
          ids.conversationToken = frame.conversation_token;
          saveIds(ids);
        }
        if (typeof frame.user === 'string' && typeof frame.user_token === 'string') {
          ids.user = frame.user;
          ids.userToken = frame.user_token;
          storageSet(localStorage, 'user', ids.user);
          storageSet(localStorage, 'user_token', ids.userToken);
        }
        return;
      case 'ack':
        delivered(frame.id);
        return;
      case 'pong':
        return;
      case 'error':
        if (frame.id && !frame.retry) {
          delivered(frame.id);
        } else if (frame.id && pending.has(frame.id)) {
          retryLater(frame.id);
        }
        addNotice(String(frame.error || 'Something went wrong'));
        return;
      case 'typing':
        showTyping();
        return;
      default:
        hideTyping();
        renderReply(frame);
    }
  }

  function delivered(id) {
    if (!id) {
      return;
    }
    pending.delete(id);
    var rows = log.querySelectorAll('.msg.user.pending');
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].getAttribute('data-id') === id) {
        rows[i].classList.remove('pending');
      }
    }
  }

  function renderReply(reply) {
    switch (reply.type) {
      case 'text':
        addBubble('bot', reply.text);
        break;
      case 'quick_replies':
        if (reply.text) {
          addBubble('bot', reply.text);
        }
        addChips(reply.options);
        break;
      case 'cards':
        addCarousel(reply.cards || []);
        addChips(reply.quickReplies);
        break;
      case 'image':
        addImage(reply.url, reply.caption);
        break;
      default:
        // A reply type this page does not know yet: show its text if it has one rather than nothing.
        if (typeof reply.text === 'string') {
          addBubble('bot', reply.text);
        }
    }
  }

  /** The server could not take it now (restarting, too fast): same frame, same id, a little later. */
  function retryLater(id) {
    setTimeout(function () {
      var frame = pending.get(id);
      if (frame) {
        sendRaw(frame);
      }
    }, 2000 + Math.random() * 2000);
  }

  // ---- rendering (textContent only) ----

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function append(node) {
    var nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 120;
    if (typingRow && typingRow.parentNode === log && node !== typingRow) {
      log.insertBefore(node, typingRow);
    } else {
      log.appendChild(node);
    }
    if (nearBottom || node.classList.contains('user')) {
      log.scrollTop = log.scrollHeight;
    }
    return node;
  }

  function addBubble(from, text) {
    var row = el('div', 'msg ' + from);
    row.appendChild(el('div', 'bubble', text));
    return append(row);
  }

  function addNotice(text) {
    return append(el('p', 'notice', text));
  }

  /**
   * Links open only for web, mail and phone URLs (never javascript: or data:); images may also be inline
   * data:image URLs, which an img element cannot run.
   */
  function safeUrl(url, forImage) {
    if (typeof url !== 'string' || url === '') {
      return null;
    }
    try {
      var parsed = new URL(url, location.href);
      var ok = parsed.protocol === 'https:' || parsed.protocol === 'http:'
          || (forImage && parsed.protocol === 'data:' && /^data:image\//i.test(url))
          || (!forImage && (parsed.protocol === 'mailto:' || parsed.protocol === 'tel:'));
      return ok ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function addChips(options) {
    if (!Array.isArray(options) || options.length === 0) {
      return;
    }
    removeChips();
    var row = el('div', 'msg bot');
    var chips = el('div', 'chips');
    chips.setAttribute('role', 'group');
    chips.setAttribute('aria-label', 'Suggested answers');
    options.forEach(function (option) {
      var title = option.title || option.payload || '';
      var chip = el('button', 'chip', title);
      chip.type = 'button';
      chip.addEventListener('click', function () {
        removeChips();
        say({ type: 'postback', title: title, payload: String(option.payload || title) }, title);
        input.focus();
      });
      chips.appendChild(chip);
    });
    row.appendChild(chips);
    append(row);
  }

  /** Quick replies answer the latest message only: they go once tapped or once the user types. */
  function removeChips() {
    var rows = log.querySelectorAll('.chips');
    for (var i = 0; i < rows.length; i++) {
      rows[i].parentNode.remove();
    }
  }

  function addCarousel(cards) {
    if (cards.length === 0) {
      return;
    }
    var row = el('div', 'msg bot');
    var carousel = el('div', 'carousel');
    carousel.setAttribute('role', 'list');
    cards.forEach(function (card) {
      var item = el('article', 'card');
      item.setAttribute('role', 'listitem');
      var image = safeUrl(card.imageUrl, true);
      if (image) {
        var img = el('img', 'card-image');
        img.alt = card.title || '';
        img.loading = 'lazy';
        img.src = image;
        item.appendChild(img);
      } else {
        item.appendChild(el('div', 'card-placeholder', (card.title || '?').trim().charAt(0).toUpperCase()));
      }
      var body = el('div', 'card-body');
      body.appendChild(el('h3', 'card-title', card.title || ''));
      if (card.subtitle) {
        body.appendChild(el('p', 'card-subtitle', card.subtitle));
      }
      item.appendChild(body);
      var buttons = Array.isArray(card.buttons) ? card.buttons : [];
      if (buttons.length > 0) {
        var bar = el('div', 'card-buttons');
        buttons.forEach(function (button) { bar.appendChild(cardButton(button)); });
        item.appendChild(bar);
      }
      carousel.appendChild(item);
    });
    row.appendChild(carousel);
    append(row);
  }

  function cardButton(button) {
    var title = button.title || '';
    if (button.url) {
      var href = safeUrl(button.url, false);
      var link = el('a', 'card-button', title);
      if (href) {
        link.href = href;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
      }
      return link;
    }
    var action = el('button', 'card-button', title);
    action.type = 'button';
    action.addEventListener('click', function () {
      removeChips();
      say({ type: 'postback', title: title, payload: String(button.payload || title) }, title);
    });
    return action;
  }

  function addImage(url, caption) {
    var src = safeUrl(url, true);
    if (!src) {
      return;
    }
    var row = el('div', 'msg bot');
    var img = el('img', 'photo');
    img.alt = caption || 'Image';
    img.src = src;
    img.addEventListener('load', function () { log.scrollTop = log.scrollHeight; });
    row.appendChild(img);
    if (caption) {
      row.appendChild(el('p', 'caption', caption));
    }
    append(row);
  }

  function showTyping() {
    if (!typingRow) {
      typingRow = el('div', 'msg bot typing');
      typingRow.setAttribute('aria-label', 'The bot is typing');
      var bubble = el('div', 'bubble');
      bubble.appendChild(el('span'));
      bubble.appendChild(el('span'));
      bubble.appendChild(el('span'));
      typingRow.appendChild(bubble);
    }
    if (typingRow.parentNode !== log) {
      log.appendChild(typingRow);
      log.scrollTop = log.scrollHeight;
    }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, TYPING_MILLIS);
  }

  function hideTyping() {
    clearTimeout(typingTimer);
    if (typingRow && typingRow.parentNode) {
      typingRow.remove();
    }
  }

  // ---- composer ----

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) {
      return;
    }
    input.value = '';
    removeChips();
    say({ type: 'text', text: text }, text);
    input.focus();
  });

  connect();
})();
