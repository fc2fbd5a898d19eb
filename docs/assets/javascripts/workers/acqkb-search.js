// acqkb's search worker. It sits between Material for MkDocs' search box and Material's own worker,
// which runs beside it (acqkb-search-index.js) and builds the full-text Lunr index.
//
// 1. Answers at once. Each query is answered first from the entries' names (titles, aliases and glossary
//    names, the search keywords each page carries), which needs no index: a name equal to the query ranks
//    first, then names holding every query word, then names starting with them. The full-text answer
//    follows and replaces it as soon as Material's worker has it (building its index takes seconds on a
//    large site; a search on it can take most of a second).
// 2. Rewrites each query as `acqkb search` does (acqkb/search.py, rewrite()): every word is also asked
//    for exactly, with a boost, so a rare partial match ("SBIRS" for "SBIR") cannot outrank it; a word
//    with a digit is asked for exactly only ("2" never matches "2025"); and the whole query is also asked
//    for as one joined token ("_spacedevelopmentagency"), which only an entry named exactly so carries.
//    A query using search syntax is passed on unchanged.
// 3. Answers every keystroke by name at once, but asks the full text only for the last of a burst: a
//    query waits 60 ms there and a newer one replaces it.
// 4. Hands the index to Material's worker just after the first answer (or 300 ms after setup if nobody
//    has typed): copying a large index to it takes tens of milliseconds that the first answer need not wait.
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var DEBOUNCE_MS = 60, HANDOVER_MS = 300;
var SYNTAX = /["*+~^:]|(?:^|\s)-/;
var separator = /[\s\-]+/;
var names = [];          // {doc, joined, words} for every name of every page
var indexReady = false;  // the full-text index answers from now on
var latest = null, timer = null;
var asked = [];          // the queries sent to the full-text index, oldest first (it answers in order)
var setup = null;        // the setup message, until Material's worker has it

var material = new URL(self.location.href).searchParams.get("material");
var inner = new Worker(new URL("acqkb-search-index.js?material=" + encodeURIComponent(material), self.location.href));

function tokens(text) { return text.split(separator).filter(Boolean); }

function squash(words) {
  return words.map(function (w) { return w.toLowerCase().replace(/[^0-9a-z]/g, ""); }).join("");
}

function joined(words) { return "_" + squash(words); }

function rewrite(query) {
  if (SYNTAX.test(query)) return query;
  var words = [];
  query.trim().split(/\s+/).forEach(function (part) { tokens(part).forEach(function (w) { words.push(w); }); });
  // A one-letter word stays a plain prefix.
  var terms = words.map(function (w) { return w.length < 2 ? w : /\d/.test(w) ? w + "^10" : w + " " + w + "^10"; });
  if (joined(words).length > 2) terms.push(joined(words) + "^100");
  return terms.join(" ");
}

function plainText(html) {
  if (!/[<&]/.test(html)) return html;
  return html.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"")
    .replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");
}

function learnNames(docs) {
  names = [];
  docs.forEach(function (doc) {
    if (doc.location.indexOf("#") !== -1) return;
    var seen = {};
    [doc.title].concat(doc.tags || []).forEach(function (name) {
      if (!name || name.charAt(0) === "_") return;
      var words = tokens(plainText(name).toLowerCase());
      var key = squash(words);
      if (!key || seen[key]) return;
      seen[key] = true;
      names.push({ doc: doc, joined: key, words: words.map(function (w) { return squash([w]); }) });
    });
  });
}

function nameScore(entry, query, words) {
  if (entry.joined === query) return 4;
  var exact = words.every(function (w) { return entry.words.indexOf(w) !== -1; });
  if (exact) return 3;
  var prefix = words.every(function (w) { return entry.words.some(function (n) { return n.lastIndexOf(w, 0) === 0; }); });
  return prefix ? 2 : 0;
}

// The best entries by name, in the shape Material's search box renders (one group per page).
function quickSearch(query) {
  var words = tokens(query.toLowerCase()).map(function (w) { return squash([w]); }).filter(Boolean);
  if (!words.length) return { items: [] };
  var wanted = words.join(""), best = {};
  names.forEach(function (entry) {
    var score = nameScore(entry, wanted, words) * (entry.doc.boost || 1);
    var key = entry.doc.location;
    if (score > 0 && (!best[key] || best[key].score < score)) best[key] = { doc: entry.doc, score: score };
  });
  var found = Object.keys(best).map(function (k) { return best[k]; });
  found.sort(function (a, b) { return b.score - a.score || a.doc.title.length - b.doc.title.length; });
  var terms = {};
  tokens(query.toLowerCase()).forEach(function (w) { terms[w] = true; });
  return {
    items: found.slice(0, 10).map(function (hit) {
      return [{ location: hit.doc.location, title: hit.doc.title, text: hit.doc.text || "", score: hit.score, terms: terms }];
    })
  };
}

function answerByName(query) {
  // No name matches is no answer yet: "No matching documents" would show until the full text answers.
  var quick = quickSearch(query);
  if (quick.items.length || !query.trim()) self.postMessage({ type: RESULT, data: quick });
}

function askFullText(query) {
  if (!indexReady) return;
  asked.push(query);
  inner.postMessage({ type: QUERY, data: query.trim() ? rewrite(query) : query });
}

function handOver() {
  if (setup === null) return;
  inner.postMessage(setup);
  setup = null;
}

inner.addEventListener("message", function (event) {
  var message = event.data;
  if (message && message.type === READY) {
    indexReady = true;
    if (latest !== null) {  // the results shown are by name: search the full text too
      asked.push(latest);
      inner.postMessage({ type: QUERY, data: latest.trim() ? rewrite(latest) : latest });
    }
    return;
  }
  if (message && message.type === RESULT && asked.shift() === latest) self.postMessage(message);
});

self.addEventListener("message", function (event) {
  var message = event.data;
  if (!message) return;
  if (message.type === SETUP) {
    if (message.data.config && message.data.config.separator) separator = new RegExp(message.data.config.separator, "g");
    learnNames(message.data.docs || []);
    setup = message;
    self.postMessage({ type: READY });
    setTimeout(handOver, HANDOVER_MS);
  } else if (message.type === QUERY && typeof message.data === "string") {
    latest = message.data;
    answerByName(latest);
    setTimeout(handOver, 0);
    clearTimeout(timer);
    timer = setTimeout(function () { askFullText(latest); }, DEBOUNCE_MS);
  }
});
