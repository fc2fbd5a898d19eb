// acqkb's search worker: Material for MkDocs' own worker, with each query rewritten before it.
// The rewrite is the one `acqkb search` applies (acqkb/search.py, rewrite()): every word is also
// asked for exactly, with a boost, so a rare partial match ("SBIRS" for "SBIR") cannot outrank it;
// a word with a digit is asked for exactly only ("2" never matches "2025"); and the whole query is
// also asked for as one joined token ("_spacedevelopmentagency"), which only an entry whose title
// or alias is exactly those words carries. A query using search syntax is passed on unchanged.
"use strict";

var separator = /[\s\-]+/;
var SYNTAX = /["*+~^:]|(?:^|\s)-/;
var SETUP = 0, QUERY = 2;

function tokens(text) { return text.split(separator).filter(Boolean); }

function joined(words) {
  return "_" + words.map(function (w) { return w.toLowerCase().replace(/[^0-9a-z]/g, ""); }).join("");
}

function rewrite(query) {
  if (SYNTAX.test(query)) return query;
  var words = [];
  query.trim().split(/\s+/).forEach(function (part) { tokens(part).forEach(function (w) { words.push(w); }); });
  // A one-letter word stays a plain prefix (Lunr in Material's worker fails on a one-letter exact term).
  var terms = words.map(function (w) { return w.length < 2 ? w : /\d/.test(w) ? w + "^10" : w + " " + w + "^10"; });
  if (joined(words).length > 2) terms.push(joined(words) + "^100");
  return terms.join(" ");
}

// Registered before Material's worker is loaded, so this listener sees each message first.
self.addEventListener("message", function (event) {
  var message = event.data;
  if (!message) return;
  if (message.type === SETUP && message.data && message.data.config && message.data.config.separator)
    separator = new RegExp(message.data.config.separator, "g");
  if (message.type === QUERY && typeof message.data === "string" && message.data.trim())
    message.data = rewrite(message.data);
});

importScripts(new URL(self.location.href).searchParams.get("material"));

// Lunr 2.3.9 (which Material bundles and exposes as self.lunr) names each node of its word automaton by
// concatenating edge labels and node ids, so digit labels collide ("0" + 12 + "3" + 4 reads as "0" + 1 + "2" + 34);
// merging on such a name invents words, and a prefix search that reaches one ("d*") throws. Names with
// separators cannot collide. The index is built after this runs: it waits for the setup message.
if (self.lunr && self.lunr.TokenSet) {
  self.lunr.TokenSet.prototype.toString = function () {
    if (this._str) return this._str;
    var labels = Object.keys(this.edges).sort(), name = this.final ? "1" : "0";
    for (var i = 0; i < labels.length; i++) name += "|" + labels[i] + ":" + this.edges[labels[i]].id;
    return name;
  };
}
