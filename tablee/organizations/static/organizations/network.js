// Draws the relations network with the vendored cytoscape. Progressive
// enhancement only: the page's tables carry the same information.
(function () {
  "use strict";
  function start() {
    var container = document.getElementById("network-graph");
    var source = document.getElementById("network-data");
    if (!container || !source || typeof window.cytoscape !== "function") { return; }
    var data = JSON.parse(source.textContent);
    container.setAttribute("data-enhanced", "true");
    container.textContent = "";
    var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    window.cytoscape({
      container: container,
      elements: data.nodes.concat(data.edges),
      style: [
        {
          selector: "node",
          style: {
            "background-color": "data(colour)",
            "border-color": "#1c2427",
            "border-width": 1,
            "label": "data(label)",
            "font-size": 11,
            "color": "#1c2427",
            "text-valign": "bottom",
            "text-margin-y": 4,
            "text-wrap": "ellipsis",
            "text-max-width": 120,
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.85,
            "text-background-padding": 2,
            "width": 22,
            "height": 22
          }
        },
        {
          selector: "edge",
          style: {
            "line-color": "#4d5b60",
            "line-style": "data(line)",
            "width": "data(width)",
            "curve-style": "bezier"
          }
        },
        { selector: "edge[level = 'partnership']", style: { "line-color": "#1f5f5b" } },
        { selector: ":selected", style: { "border-width": 4, "border-color": "#f2b705" } }
      ],
      layout: { name: "cose", animate: !reduceMotion, padding: 20, nodeRepulsion: 9000 }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
