/* Search for the Technology Clinic site: works over HTTP and from file://, with no network.
 *
 * The index (search/index.js, built by generator/site/search.py) lists every word of every page, Thai
 * segmented into words at build time. A query is normalised the same way, split into pieces that
 * occur in the index's vocabulary, and each piece matches every vocabulary word that contains it, so a
 * Thai word is found inside a compound or in the middle of a sentence. All pieces must match.
 * Forgiving what readers type: English spellings are folded by the index's own rules (fertilizer →
 * fertiliser), Thai is also read without tone marks and with ใ as ไ (ลำใย → ลำไย), ranked lower, and the
 * words written before a place name (จ., อำเภอ, province) are left out.
 * Everything shown is built with textContent: no index text is ever parsed as HTML.
 */
(function () {
  "use strict";

  var VLQ = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  var ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
  var RUNS = /[\u0e00-\u0e7f]+|[0-9a-z]+(?:[.'][0-9a-z]+)*/g;
  var EXACT = 1.0, CONTAINED = 0.6, PREFIX = 0.8;
  /* Words people put before a place name (จ.เชียงใหม่, อำเภอสันกำแพง, ม.เชียงใหม่, Chiang Mai province): the
     name is what is indexed, so they are left out of a query that has anything else. */
  var PLACE_WORDS = ["จ", "จังหวัด", "อ", "อำเภอ", "ต", "ตำบล", "ม", "มหาวิทยาลัย",
    "province", "district", "subdistrict", "changwat", "amphoe", "tambon"];
  var state = { index: null, loading: null, vocab: null, decoded: {}, fold: [], loose: null };

  function normalize(text) {
    return text.normalize("NFC").replace(ZERO_WIDTH, "")
      .replace(/[\u0e50-\u0e59]/g, function (d) { return String(d.charCodeAt(0) - 0x0e50); })
      .replace(/\u0e4d\u0e32/g, "\u0e33").replace(/\u0e40\u0e40/g, "\u0e41").toLowerCase();
  }

  /* A site text with its number: "{count, plural, one {# result} other {# results}}" as generator/uitext.py. */
  function fillCount(text, n) {
    return text.replace(/\{count, plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g, function (m, one, other) {
      return (n === 1 ? one : other).replace(/#/g, String(n));
    }).replace(/\{count\}/g, String(n));
  }

  function isThai(run) { return run.charCodeAt(0) >= 0x0e00 && run.charCodeAt(0) <= 0x0e7f; }

  function loadIndex(form) {
    if (state.index) return Promise.resolve(state.index);
    if (state.loading) return state.loading;
    state.loading = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = form.getAttribute("data-index");
      script.onload = function () {
        var data = window.__tcSearchIndex;
        if (!data) { reject(new Error("empty index")); return; }
        state.index = data;
        state.terms = data.terms.split("\n");
        state.vocab = "\n" + data.terms + "\n";
        state.fold = (data.fold || []).map(function (rule) { return [new RegExp(rule[0]), rule[1]]; });
        resolve(data);
      };
      script.onerror = function () { reject(new Error("index not found")); };
      document.head.appendChild(script);
    });
    return state.loading;
  }

  function decode(termIndex) {
    var cached = state.decoded[termIndex];
    if (cached) return cached;
    var text = state.index.postings[termIndex], out = [], value = 0, shift = 0, doc = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = VLQ.indexOf(text.charAt(i));
      value |= (digit & 31) << shift;
      if (digit & 32) { shift += 5; continue; }
      doc += value >> 4;
      out.push(doc, value & 15);
      value = 0; shift = 0;
    }
    state.decoded[termIndex] = out;
    return out;
  }

  /* Ways to split a Thai run into pieces that occur in the vocabulary. `exactOnly`: every piece is a
     whole indexed word (finds words the index split apart); otherwise a piece may be part of a word
     (finds a word inside a compound), whole words preferred. A character that occurs in no word
     becomes a piece that matches nothing, so nonsense finds nothing. */
  function splitThai(run, exactOnly, lex) {
    var n = run.length, cost = new Array(n + 1), from = new Array(n + 1), missing = new Array(n + 1);
    cost[0] = 0;
    for (var end = 1; end <= n; end++) {
      cost[end] = Infinity;
      for (var start = Math.max(0, end - 30); start < end; start++) {
        if (cost[start] === Infinity) continue;
        var piece = run.slice(start, end), c = Infinity;
        if (lex.vocab.indexOf("\n" + piece + "\n") >= 0) c = 1;
        else if (!exactOnly && piece.length > 1 && lex.vocab.indexOf(piece) >= 0) c = 1.9;
        if (cost[start] + c < cost[end]) { cost[end] = cost[start] + c; from[end] = start; missing[end] = false; }
      }
      if (cost[end] === Infinity) { cost[end] = cost[end - 1] + 100; from[end] = end - 1; missing[end] = true; }
    }
    var pieces = [], at = n;
    while (at > 0) { pieces.unshift((missing[at] ? "\u0000" : "") + run.slice(from[at], at)); at = from[at]; }
    /* Read as single letters only, a word is no word: the index holds the letters of abbreviations
       (ม. of มหาวิทยาลัย), and an unknown "รฟท" must find nothing, not every page with ร, ฟ and ท. */
    if (n > 1 && pieces.every(function (p) { return p.length === 1; })) return ["\u0000" + run];
    return pieces;
  }

  /* Thai typed without its tone marks (กลวย for กล้วย) or with ใ for ไ (ผ้าใหม): the loose lexicon compares
     words without them, and its matches count for less. Built once, the first time a Thai query comes. */
  var TONES = /[\u0e47-\u0e4c]/g, LOOSE = 0.7;
  function loosen(text) { return text.replace(TONES, "").replace(/\u0e43/g, "\u0e44"); }
  function lexicons(thai) {
    var strict = { terms: state.terms, vocab: state.vocab, factor: 1, strict: true };
    if (!thai) return [strict];
    if (!state.loose) {
      var terms = state.terms.map(loosen);
      state.loose = { terms: terms, vocab: "\n" + terms.join("\n") + "\n", factor: LOOSE, strict: false };
    }
    return [strict, state.loose];
  }

  /* The readings of a query: as whole indexed words and allowing parts of words, in the strict lexicon and,
     for Thai, in the loose one. */
  function queryReadings(query) {
    var runs = normalize(query).match(RUNS) || [], readings = [];
    lexicons(runs.some(isThai)).forEach(function (lex) {
      var seen = {};
      [true, false].forEach(function (exactOnly) {
        var pieces = [];
        runs.forEach(function (run) {
          if (!isThai(run)) pieces.push(run);
          else pieces.push.apply(pieces, splitThai(lex.strict ? run : loosen(run), exactOnly, lex));
        });
        pieces = pieces.filter(function (p, i) { return pieces.indexOf(p) === i; });
        var named = pieces.filter(function (p) { return PLACE_WORDS.indexOf(p.replace("\u0000", "")) < 0; });
        if (named.length) pieces = named;
        var key = pieces.join("|");
        if (pieces.length && !seen[key]) { seen[key] = true; readings.push({ pieces: pieces, lex: lex }); }
      });
    });
    return readings;
  }

  /* An English word in the spelling the index folded it to (generator/site/spelling.py): color → colour's form. */
  function foldSpelling(word) {
    for (var i = 0; i < state.fold.length; i++) {
      if (state.fold[i][0].test(word)) return word.replace(state.fold[i][0], state.fold[i][1]);
    }
    return word;
  }

  /* Vocabulary words that match one query piece, with how well they match. A single Thai letter is
     inside nearly every word, so it matches only itself (the letter of an abbreviation). */
  function matchingTerms(piece, lex) {
    var matches = [], terms = lex.terms, latin = !isThai(piece);
    if (latin) piece = foldSpelling(piece);
    var stem = latin ? piece.replace(/(?:ing|ed|es|s)$/, "") : piece;
    /* two Thai letters inside a longer word are mostly a piece of some other syllable (กล in กลุ่ม) */
    var contained = !latin && piece.length < 3 ? CONTAINED / 2 : CONTAINED;
    if (stem.length < 3) stem = piece;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i];
      if (term === piece) matches.push([i, EXACT]);
      else if (latin && term.lastIndexOf(stem, 0) === 0) matches.push([i, PREFIX]);
      else if (term.indexOf(piece) >= 0 && (latin || piece.length > 1)) matches.push([i, contained]);
    }
    matches.forEach(function (m) { m[1] *= lex.factor; });
    return matches;
  }

  /* Documents that match every piece of one reading, with their scores. */
  /* `words`, when given, collects the indexed words a piece matched whole: what to mark in the results. */
  function searchReading(pieces, lex, words) {
    var total = null;
    for (var p = 0; p < pieces.length; p++) {
      var scores = {};
      matchingTerms(pieces[p], lex).forEach(function (match) {
        if (words && match[1] === EXACT * lex.factor && words.indexOf(state.terms[match[0]]) < 0) words.push(state.terms[match[0]]);
        var postings = decode(match[0]);
        for (var k = 0; k < postings.length; k += 2) {
          var s = postings[k + 1] * match[1];
          if (!(scores[postings[k]] >= s)) scores[postings[k]] = s;
        }
      });
      if (total === null) total = scores;
      else {
        var next = {};
        for (var doc in total) if (scores[doc] !== undefined) next[doc] = total[doc] + scores[doc];
        total = next;
      }
    }
    return total || {};
  }

  /* Edits (insert, delete, replace, swap two letters) from a to b, or more than `most` when there are more. */
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var before = [], row = [], i, j;
    for (j = 0; j <= b.length; j++) row.push(j);
    for (i = 1; i <= a.length; i++) {
      var next = [i], low = i;
      for (j = 1; j <= b.length; j++) {
        var d = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        next.push(d);
        if (d < low) low = d;
      }
      if (low > most) return most + 1;
      before = row; row = next;
    }
    return row[b.length];
  }

  /* The query with each English word that matches nothing replaced by the closest indexed word (one edit
     for words up to 7 letters, two for longer; the commonest such word, then the first in order), or null
     when no word needs it or none is close. Thai has its own loose reading instead. */
  function corrected(query) {
    var runs = normalize(query).match(RUNS) || [], changed = false, strict = lexicons(false)[0];
    var words = runs.map(function (run) {
      if (isThai(run) || run.length < 4 || /[0-9]/.test(run) || matchingTerms(run, strict).length) return run;
      var most = run.length > 7 ? 2 : 1, best = null, bestDistance = most + 1, bestSize = 0;
      for (var i = 0; i < state.terms.length; i++) {
        var term = state.terms[i];
        if (isThai(term) || term.length < 3) continue;
        var d = distance(run, term, most), size = state.index.postings[i].length;
        if (d < bestDistance || (d === bestDistance && d <= most && size > bestSize)) {
          best = term; bestDistance = d; bestSize = size;
        }
      }
      if (best === null) return run;
      changed = true;
      return best;
    });
    return changed ? words.join(" ") : null;
  }

  function search(query) {
    var readings = queryReadings(query), best = {}, highlight = [];
    readings.forEach(function (reading) {
      /* the words a loose or folded piece found (ลำไย for ลำใย, fertiliser for fertilizer) are marked as well */
      var pieces = reading.pieces, scores = searchReading(pieces, reading.lex, highlight);
      for (var doc in scores) if (!(best[doc] >= scores[doc] / pieces.length)) best[doc] = scores[doc] / pieces.length;
      if (!reading.lex.strict) return;  /* loose pieces lack the marks the page's text has */
      pieces.forEach(function (p) { if (highlight.indexOf(p) < 0 && p.charAt(0) !== "\u0000") highlight.push(p); });
    });
    var results = Object.keys(best).map(function (doc) { return [Number(doc), best[doc]]; });
    results.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return { pieces: highlight, results: results };
  }

  /* Text with every query piece wrapped in <mark>, built as DOM nodes. */
  function highlighted(text, pieces) {
    var fragment = document.createDocumentFragment();
    var escaped = pieces.filter(function (p) { return p.length > 1 || isThai(p); })
      .sort(function (a, b) { return b.length - a.length; })  /* the longest match wins */
      .map(function (p) { return p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    if (!escaped.length) { fragment.appendChild(document.createTextNode(text)); return fragment; }
    var pattern = new RegExp(escaped.join("|"), "gi"), last = 0, m;
    var plain = text.normalize("NFC");
    while ((m = pattern.exec(plain)) !== null) {
      if (m.index > last) fragment.appendChild(document.createTextNode(plain.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      fragment.appendChild(mark);
      last = m.index + m[0].length;
      if (m[0].length === 0) pattern.lastIndex++;
    }
    if (last < plain.length) fragment.appendChild(document.createTextNode(plain.slice(last)));
    return fragment;
  }

  function render(list, found, limit, base, labels) {
    list.textContent = "";
    found.results.slice(0, limit).forEach(function (row) {
      var doc = state.index.docs[row[0]];
      var item = document.createElement("li");
      item.className = "tc-result";
      var link = document.createElement("a");
      link.href = base + "/" + doc[0];
      link.className = "tc-result__title";
      link.appendChild(highlighted(doc[1], found.pieces));
      var meta = document.createElement("span");
      meta.className = "tc-result__meta";
      meta.textContent = labels[doc[2]] + (doc[3] ? " · " + doc[3] : "");
      var snippet = document.createElement("span");
      snippet.className = "tc-result__snippet";
      snippet.appendChild(highlighted(doc[4], found.pieces));
      item.appendChild(link);
      item.appendChild(meta);
      item.appendChild(snippet);
      list.appendChild(item);
    });
  }

  function setup(form) {
    var input = form.querySelector("input[type=search]");
    var panel = document.getElementById(form.getAttribute("data-results"));
    var list = panel.querySelector("ol");
    var status = panel.querySelector("[data-status]");
    var more = panel.querySelector("[data-more]");
    var next = panel.querySelector("[data-none-next]");  /* where to go when nothing is found */
    var base = form.getAttribute("data-base");
    var labels = [form.getAttribute("data-kind-0"), form.getAttribute("data-kind-1"), form.getAttribute("data-kind-2"), form.getAttribute("data-kind-3")];
    var limit = Number(form.getAttribute("data-limit") || "8");
    var timer = null;

    function run() {
      var query = input.value.trim();
      if (!query) { panel.hidden = form.hasAttribute("data-inline") ? true : panel.hidden; list.textContent = ""; status.textContent = ""; if (more) more.hidden = true; if (next) next.hidden = true; return; }
      loadIndex(form).then(function () {
        if (input.value.trim() !== query) return;
        var found = search(query), fixed = found.results.length ? null : corrected(query);
        if (fixed) {
          var second = search(fixed);
          if (second.results.length) found = second; else fixed = null;
        }
        render(list, found, limit, base, labels);
        var n = found.results.length;
        status.textContent = n === 0 ? form.getAttribute("data-none") : fillCount(form.getAttribute("data-count"), n);
        /* a typo (indgo) shows what its correction finds, and says so */
        if (fixed) status.textContent = form.getAttribute("data-corrected").replace("{query}", query).replace("{fixed}", fixed) + " " + status.textContent;
        if (next) next.hidden = n !== 0;
        if (more) {
          more.hidden = n <= limit;
          more.href = form.action + "?q=" + encodeURIComponent(query);
        }
        panel.hidden = false;
      }, function () { status.textContent = form.getAttribute("data-error"); panel.hidden = false; });
    }

    input.addEventListener("focus", function () { loadIndex(form).catch(function () {}); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 60); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && form.hasAttribute("data-inline")) { panel.hidden = true; input.blur(); }
      if (event.key === "ArrowDown" && !panel.hidden && shownLinks().length) { event.preventDefault(); shownLinks()[0].focus(); }
    });
    /* Arrow keys walk the results as in any search box; up from the first, or Escape, is back in the box. */
    function shownLinks() {
      return Array.prototype.filter.call(panel.querySelectorAll("a[href]"), function (a) { return a.offsetParent !== null; });
    }
    panel.addEventListener("keydown", function (event) {
      var links = shownLinks(), at = links.indexOf(document.activeElement);
      if (event.key === "Escape" && form.hasAttribute("data-inline")) { panel.hidden = true; input.focus(); return; }
      if (at < 0 || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
      event.preventDefault();
      var to = at + (event.key === "ArrowDown" ? 1 : -1);
      if (to < 0) input.focus(); else if (to < links.length) links[to].focus();
    });
    document.addEventListener("click", function (event) {
      if (form.hasAttribute("data-inline") && !form.contains(event.target) && !panel.contains(event.target)) panel.hidden = true;
    });
    if (!form.hasAttribute("data-inline")) {
      var params = new URLSearchParams(window.location.search);
      if (params.get("q")) { input.value = params.get("q"); run(); }
    }
  }

  window.tcSearch = { normalize: normalize, search: search, load: loadIndex, foldSpelling: foldSpelling };
  document.querySelectorAll("form[data-tc-search]").forEach(setup);
})();
