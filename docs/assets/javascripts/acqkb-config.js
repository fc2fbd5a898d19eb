/* Runs before Material's bundle reads its configuration: searches go to acqkb's worker
   (workers/acqkb-search.js), which answers by name at once and passes the full-text query
   on to Material's own worker, named here. */
(function () {
  // Zensical reads these templates too but has its own search: leave it alone.
  var generator = document.querySelector('meta[name="generator"]');
  if (!generator || generator.content.indexOf("mkdocs-material") === -1) return;
  var element = document.getElementById("__config");
  var config = JSON.parse(element.textContent);
  var material = new URL(config.search, document.baseURI).href;
  var worker = new URL("workers/acqkb-search.js", document.currentScript.src).href;
  config.search = worker + "?material=" + encodeURIComponent(material);
  element.textContent = JSON.stringify(config);
})();
