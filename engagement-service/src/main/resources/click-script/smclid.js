/* Social ROI click id keeper for workspace {{workspace}}: GET /s/{{workspace}}.js on engagement-service (README,
 * "The click script"). Keeps the smclid of the landing URL in the cookie and localStorage entry {{name}} for
 * {{lookbackDays}} days, and hands it to forms, the Shopify cart and Stripe Payment Links. ES5, no dependencies. */
(function (window, document) {
  'use strict';
  var WORKSPACE = '{{workspace}}';
  var NAME = '{{name}}';
  var LOOKBACK_MS = {{lookbackDays}} * 86400000;
  var ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  var now = new Date().getTime();
  var script = document.currentScript || ours();
  var current = null;

  function ours() {
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if ((scripts[i].getAttribute('src') || '').indexOf('/s/' + WORKSPACE + '.js') >= 0) {
        return scripts[i];
      }
    }
    return null;
  }

  function flag(name) {
    return !!script && script.hasAttribute(name);
  }

  /* A click id is a UUID and nothing else: whatever else the URL, a cookie or the storage hold is dropped. */
  function valid(id) {
    if (typeof id !== 'string') {
      return null;
    }
    id = id.toLowerCase();
    return ID.test(id) ? id : null;
  }

  /* The last valid smclid of the query (the redirect appends its own after any the destination already had). */
  function fromUrl() {
    var found = null;
    var pairs = window.location.search.replace(/^\?/, '').split('&');
    for (var i = 0; i < pairs.length; i++) {
      var eq = pairs[i].indexOf('=');
      if (eq > 0 && pairs[i].substring(0, eq) === 'smclid') {
        try {
          found = valid(decodeURIComponent(pairs[i].substring(eq + 1))) || found;
        } catch (e) {
          /* a broken escape is no click id */
        }
      }
    }
    return found;
  }

  function cookie(name) {
    var parts = document.cookie ? document.cookie.split(';') : [];
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i].replace(/^\s+/, '');
      if (part.indexOf(name + '=') === 0) {
        return part.substring(name.length + 1);
      }
    }
    return null;
  }

  /* data-cookie-domain="example.com" shares the cookie with the shop's other hosts (www, checkout). */
  function domain() {
    var wanted = script && script.getAttribute('data-cookie-domain');
    var host = window.location.hostname;
    if (!wanted || !/^[a-z0-9.-]+$/i.test(wanted)) {
      return null;
    }
    wanted = wanted.replace(/^\./, '').toLowerCase();
    return host === wanted || host.slice(-(wanted.length + 1)) === '.' + wanted ? wanted : null;
  }

  function writeCookie(id, seconds) {
    var text = NAME + '=' + id + '; Max-Age=' + seconds + '; Expires='
        + new Date(now + seconds * 1000).toUTCString() + '; Path=/; SameSite=Lax';
    var shared = domain();
    if (shared) {
      text += '; Domain=' + shared;
    }
    if (window.location.protocol === 'https:') {
      text += '; Secure';
    }
    document.cookie = text;
  }

  function storage(key, value) {
    try {
      if (value === undefined) {
        return window.localStorage.getItem(key);
      }
      window.localStorage.setItem(key, value);
    } catch (e) {
      /* storage disabled (private mode, policy): the cookie still holds the id */
    }
    return null;
  }

  function stored() {
    try {
      var entry = JSON.parse(storage(NAME));
      var id = entry && valid(entry.id);
      if (id && typeof entry.at === 'number' && entry.at <= now + 60000 && now - entry.at < LOOKBACK_MS) {
        return {id: id, at: entry.at};
      }
    } catch (e) {
      /* not ours, or not JSON */
    }
    return null;
  }

  /* The URL's click is the newest and wins; else the cookie; else the storage (a cookie a browser dropped early). */
  function resolve() {
    var url = fromUrl();
    var kept = stored();
    var jar = valid(cookie(NAME));
    var id = url || jar || (kept && kept.id);
    if (!id) {
      return null;
    }
    var entry = kept && kept.id === id ? kept : {id: id, at: now};
    var seconds = Math.floor((entry.at + LOOKBACK_MS - now) / 1000);
    if (seconds > 0) {
      writeCookie(id, seconds);
    }
    if (entry !== kept) {
      storage(NAME, JSON.stringify(entry));
    }
    return entry;
  }

  function each(list, action) {
    for (var i = 0; list && i < list.length; i++) {
      action(list[i]);
    }
  }

  /* Hidden inputs named smclid get the id; a form marked data-smclid gets one if it has none. */
  function fillForm(form) {
    var id = clickId();
    if (!id || !form || !form.getAttribute) {
      return;
    }
    var inputs = form.querySelectorAll('input[name="smclid"]');
    if (inputs.length === 0 && form.hasAttribute('data-smclid')) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'smclid';
      form.appendChild(input);
      inputs = [input];
    }
    each(inputs, function (input) {
      input.value = id;
    });
  }

  /* Stripe Payment Links take client_reference_id in the URL; conversion-service reads smclid_<id> from it. */
  function decorateStripe(link) {
    var id = clickId();
    var href = link.getAttribute('href') || '';
    if (!id || href.indexOf('https://buy.stripe.com/') !== 0 || /[?&]client_reference_id=/.test(href)) {
      return;
    }
    var hash = href.indexOf('#');
    var base = hash < 0 ? href : href.substring(0, hash);
    link.setAttribute('href', base + (base.indexOf('?') < 0 ? '?' : '&') + 'client_reference_id=smclid_' + id
        + (hash < 0 ? '' : href.substring(hash)));
  }

  function decorate() {
    each(document.querySelectorAll('input[name="smclid"]'), function (input) {
      if (clickId()) {
        input.value = clickId();
      }
    });
    each(document.querySelectorAll('form[data-smclid]'), fillForm);
    if (flag('data-stripe-links')) {
      each(document.querySelectorAll('a[href^="https://buy.stripe.com/"]'), decorateStripe);
      each(document.querySelectorAll('stripe-buy-button, stripe-pricing-table'), function (element) {
        if (clickId() && !element.getAttribute('client-reference-id')) {
          element.setAttribute('client-reference-id', 'smclid_' + clickId());
        }
      });
    }
  }

  /* Shopify: the cart attribute smclid becomes the order's note_attributes; posted once per click id and cart. */
  function shopifyCart() {
    var id = clickId();
    var key = NAME + '_cart';
    if (!id || storage(key) === id + '|' + (cookie('cart') || '')) {
      return;
    }
    var request = new XMLHttpRequest();
    request.open('POST', '/cart/update.js', true);
    request.setRequestHeader('Content-Type', 'application/json');
    request.setRequestHeader('Accept', 'application/json');
    request.onload = function () {
      if (request.status >= 200 && request.status < 300) {
        storage(key, id + '|' + (cookie('cart') || ''));
      }
    };
    request.send(JSON.stringify({attributes: {smclid: id}}));
  }

  /* The live cookie first, so a click landed in another tab is seen; else what this page resolved. */
  function clickId() {
    return valid(cookie(NAME)) || (current && current.id) || null;
  }

  current = resolve();
  var api = window.SocialRoi = window.SocialRoi || {};
  var readers = api._readers = api._readers || {};
  readers[WORKSPACE] = clickId;
  api.workspace = api.workspace || WORKSPACE;
  api.clickId = function (workspace) {
    var reader = readers[workspace ? String(workspace).toLowerCase() : api.workspace];
    return reader ? reader() : null;
  };

  if (document.addEventListener) {
    /* Forms and links added after the page loaded are filled when used. */
    document.addEventListener('submit', function (event) {
      fillForm(event.target);
    }, true);
    document.addEventListener('click', function (event) {
      var target = event.target;
      while (target && target.nodeName !== 'A') {
        target = target.parentNode;
      }
      if (target && flag('data-stripe-links')) {
        decorateStripe(target);
      }
    }, true);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', decorate);
  } else {
    decorate();
  }
  if (flag('data-shopify-cart')) {
    shopifyCart();
  }
})(window, document);
