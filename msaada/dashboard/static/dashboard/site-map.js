// The dashboard's map of sites: reads the sites table (the page works without it) and draws
// one marker per site, coloured by who holds it, then the incidents table as a layer of markers
// sized by fatalities. Tiles come from the server's settings.
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

  function incidentPopup(row) {
    var cells = row.querySelectorAll("th, td");
    var headers = document.querySelectorAll("#incident-table thead th");
    var box = document.createElement("div");
    Array.prototype.forEach.call(cells, function (cell, index) {
      var line = document.createElement("div");
      line.textContent = headers[index].textContent + ": " + cell.textContent.trim();
      box.appendChild(line);
    });
    return box;
  }

  function incidentMarkers() {
    var rows = document.querySelectorAll("#incident-table tr[data-latitude]");
    return Array.prototype.map.call(rows, function (row) {
      // Area grows with the fatalities: a radius of 4 for none, and the square root after.
      var radius = 4 + 3 * Math.sqrt(parseInt(row.dataset.fatalities, 10) || 0);
      return L.circleMarker([parseFloat(row.dataset.latitude), parseFloat(row.dataset.longitude)], {
        radius: radius, color: "#a4161a", weight: 1, fillColor: "#a4161a", fillOpacity: 0.35, className: "incident-marker"
      }).bindPopup(incidentPopup(row));
    });
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
    var incidents = incidentMarkers();
    if (incidents.length) {
      var layer = L.featureGroup(incidents).addTo(map);
      L.control.layers(null, { [document.getElementById("incidents-heading").textContent]: layer }).addTo(map);
    }
    var group = L.featureGroup(markers).addTo(map);
    map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 15 });
  }

  document.addEventListener("DOMContentLoaded", draw);
})();
