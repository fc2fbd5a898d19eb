// Material for MkDocs' search worker, run by acqkb-search.js beside it, with one fix to the Lunr it bundles.
//
// Lunr 2.3.9 (exposed by Material's worker as self.lunr) names each node of its word automaton by joining
// edge labels and node ids, so digit labels collide ("0" + 12 + "3" + 4 reads as "0" + 1 + "2" + 34);
// merging on such a name invents words, and a prefix search that reaches one ("d*") throws. Names with
// separators cannot collide. The index is built after this runs: it waits for the setup message.
"use strict";

importScripts(new URL(self.location.href).searchParams.get("material"));

if (self.lunr && self.lunr.TokenSet) {
  self.lunr.TokenSet.prototype.toString = function () {
    if (this._str) return this._str;
    var labels = Object.keys(this.edges).sort(), name = this.final ? "1" : "0";
    for (var i = 0; i < labels.length; i++) name += "|" + labels[i] + ":" + this.edges[labels[i]].id;
    return name;
  };
}
