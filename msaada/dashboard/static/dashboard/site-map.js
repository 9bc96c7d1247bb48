// The dashboard's map of sites: reads the sites table (the page works without it) and draws
// one marker per site, coloured by who holds it. Tiles come from the server's settings.
(function () {
  "use strict";
  var COLOURS = { hostile: "#a4161a", contested: "#b35c00", secured: "#1e6b34", reopened: "#0b5cad", unknown: "#4d5661" };

  function popup(row) {
    var cells = row.querySelectorAll("th, td");
    var box = document.createElement("div");
    var name = document.createElement("strong");
    name.textContent = cells[0].textContent;
    box.appendChild(name);
    [cells[2], cells[3]].forEach(function (cell) {
      var line = document.createElement("div");
      line.textContent = cell.textContent.trim();
      box.appendChild(line);
    });
    return box;
  }

  function draw() {
    var holder = document.getElementById("site-map");
    var rows = document.querySelectorAll("#site-table tr[data-latitude]");
    if (!holder || !window.L || rows.length === 0) {
      return;
    }
    holder.hidden = false;
    var map = L.map(holder, { scrollWheelZoom: false });
    L.tileLayer(holder.dataset.tiles, { maxZoom: 18, attribution: holder.dataset.attribution }).addTo(map);
    var markers = Array.prototype.map.call(rows, function (row) {
      var colour = COLOURS[row.dataset.status] || COLOURS.unknown;
      return L.circleMarker([parseFloat(row.dataset.latitude), parseFloat(row.dataset.longitude)], {
        radius: 8, color: "#ffffff", weight: 2, fillColor: colour, fillOpacity: 0.95
      }).bindPopup(popup(row));
    });
    var group = L.featureGroup(markers).addTo(map);
    map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 15 });
  }

  document.addEventListener("DOMContentLoaded", draw);
})();
