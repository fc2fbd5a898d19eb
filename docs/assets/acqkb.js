// acqkb's own browser code: sortable tables, filters, the comparison columns (kept in the address),
// the thresholds date picker, and an accessible name for the search dialog.
// No library, nothing loaded from elsewhere; every page works without it.
(function () {
  "use strict";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

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
    each(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function makeSortable(table) {
    if (!table.tHead || !table.tBodies.length) return;
    each(table.tHead.rows[0].cells, function (th, column) {
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
    each(items, function (item) {
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

  // The comparison matrix: which columns show, from the address (?compare=a,b) or the default set.
  function showColumns(box, ids) {
    var target = document.querySelector("." + box.getAttribute("data-target"));
    each(box.querySelectorAll("input[data-col]"), function (input) {
      input.checked = ids.indexOf(input.getAttribute("data-col")) !== -1;
      each(target.querySelectorAll('[data-col="' + input.getAttribute("data-col") + '"]'), function (cell) { cell.hidden = !input.checked; });
    });
  }

  function chosenColumns(box) {
    return Array.prototype.filter.call(box.querySelectorAll("input[data-col]"), function (i) { return i.checked; })
      .map(function (i) { return i.getAttribute("data-col"); });
  }

  function keepInAddress(name, value) {
    var url = new URL(window.location.href);
    if (value === null) url.searchParams.delete(name); else url.searchParams.set(name, value);
    window.history.replaceState(null, "", url.toString());
  }

  function startChooser(box) {
    var fromAddress = new URL(window.location.href).searchParams.get("compare");
    var start = fromAddress !== null ? fromAddress.split(",").filter(Boolean) : box.getAttribute("data-default").split(" ").filter(Boolean);
    showColumns(box, start);
    box.addEventListener("change", function () {
      var ids = chosenColumns(box);
      showColumns(box, ids);
      keepInAddress("compare", ids.join(","));
    });
    each(box.querySelectorAll("button[data-preset]"), function (button) {
      button.addEventListener("click", function () {
        var ids = button.getAttribute("data-preset").split(" ").filter(Boolean);
        showColumns(box, ids);
        keepInAddress("compare", ids.join(","));
      });
    });
  }

  // Thresholds by date: the periods in force on the chosen day, kept in the address (?on=YYYY-MM-DD).
  function startDatePicker(box) {
    var input = box.querySelector("input[type=date]");
    var table = document.getElementById("acq-thresholds");
    var count = box.querySelector(".acq-count");
    function apply(day) {
      var rows = table.tBodies[0].rows, shown = 0;
      each(rows, function (row) {
        var inForce = !day || (row.getAttribute("data-from") <= day && day <= row.getAttribute("data-to"));
        row.hidden = !inForce;
        if (inForce) shown += 1;
      });
      count.textContent = day ? shown + " values in force on " + day : "every period (" + rows.length + ")";
      keepInAddress("on", day || null);
    }
    var fromAddress = new URL(window.location.href).searchParams.get("on");
    input.value = fromAddress !== null ? fromAddress : new Date().toISOString().slice(0, 10);
    apply(input.value);
    input.addEventListener("change", function () { apply(input.value); });
    box.querySelector("button[data-on]").addEventListener("click", function () { input.value = ""; apply(""); });
  }

  function nameSearchDialog() {
    each(document.querySelectorAll(".md-search[role=dialog]"), function (dialog) {
      if (!dialog.getAttribute("aria-label")) dialog.setAttribute("aria-label", "Search the knowledge base");
    });
  }

  function start() {
    each(document.querySelectorAll("table.acq-sort, .acq-sortable table"), makeSortable);
    each(document.querySelectorAll(".acq-filters"), function (box) {
      box.addEventListener("change", function () { applyFilters(box); });
      applyFilters(box);
    });
    each(document.querySelectorAll(".acq-chooser"), startChooser);
    each(document.querySelectorAll(".acq-on-date"), startDatePicker);
    nameSearchDialog();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
