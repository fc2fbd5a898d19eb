// acqkb's own browser code: sortable tables, filters and the comparison column chooser.
// No library, nothing loaded from elsewhere.
(function () {
  "use strict";

  function sortKey(cell) {
    var key = cell.getAttribute("data-sort");
    if (key === null) key = cell.textContent.trim();
    var number = Number(key);
    return key !== "" && !isNaN(number) ? number : key.toLowerCase();
  }

  function sortTable(table, column, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortKey(a.cells[column]), y = sortKey(b.cells[column]);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function makeSortable(table) {
    if (!table.tHead || !table.tBodies.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      th.classList.add("acq-sortable-header");
      th.setAttribute("tabindex", "0");
      th.setAttribute("title", "Sort by this column");
      th.addEventListener("click", function () { sortTable(table, column, th); });
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortTable(table, column, th); }
      });
    });
  }

  function applyFilters(box) {
    var target = document.getElementById(box.getAttribute("data-target"));
    if (!target) return;
    var selects = box.querySelectorAll("select[data-filter]");
    var items = target.querySelectorAll(target.tagName === "TABLE" ? "tbody tr" : "li");
    var shown = 0;
    Array.prototype.forEach.call(items, function (item) {
      var visible = Array.prototype.every.call(selects, function (select) {
        var wanted = select.value;
        var have = (item.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ");
        return wanted === "" || have.indexOf(wanted) !== -1;
      });
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    var count = box.querySelector(".acq-count");
    if (count) count.textContent = shown + " of " + items.length + " shown";
  }

  function chooseColumns(box) {
    var target = document.querySelector("." + box.getAttribute("data-target"));
    Array.prototype.forEach.call(box.querySelectorAll("input[data-col]"), function (input) {
      var cells = target.querySelectorAll('[data-col="' + input.getAttribute("data-col") + '"]');
      Array.prototype.forEach.call(cells, function (cell) { cell.hidden = !input.checked; });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("table.acq-sort, .acq-sortable table"), makeSortable);
    Array.prototype.forEach.call(document.querySelectorAll(".acq-filters"), function (box) {
      box.addEventListener("change", function () { applyFilters(box); });
      applyFilters(box);
    });
    Array.prototype.forEach.call(document.querySelectorAll(".acq-chooser"), function (box) {
      box.addEventListener("change", function () { chooseColumns(box); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
