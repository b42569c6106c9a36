/* Lokus data page: stream a chosen file to POST /unggah instead of letting dcc.Upload read it into base64.
 *
 * The file inputs and drop zones belong to dcc.Upload components (ZONES: the file to import, and the
 * crosswalk of a BPS-coded boundary file); this script catches the change and drop events first (capture
 * phase, on the document), sends the raw bytes with the session's CSRF token, shows progress in the zone's
 * status line, and hands the server's answer ({id, name, size}) to the zone's token store with
 * dash_clientside.set_props. Nothing here is trusted by the server: it resolves the id for the signed-in
 * owner only.
 */
(function () {
  "use strict";
  // zone id -> [status line id, token store id]
  var ZONES = {
    "data-upload": ["data-upload-status", "data-upload-token"],
    "data-crosswalk-upload": ["data-crosswalk-status", "data-crosswalk-token"]
  };

  function cookie(name) {
    var found = document.cookie.split("; ").find(function (c) { return c.indexOf(name + "=") === 0; });
    return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
  }

  function say(zone, text, bad) {
    var status = document.getElementById(ZONES[zone][0]);
    if (!status) { return; }
    status.textContent = text;
    status.className = "small mt-1 " + (bad ? "text-danger" : "text-muted");
  }

  function message(zone, key, values) {
    var status = document.getElementById(ZONES[zone][0]);
    var text = (status && status.getAttribute("data-" + key)) || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }

  function send(zone, file) {
    var status = document.getElementById(ZONES[zone][0]);
    var limit = status ? Number(status.getAttribute("data-limit-mb")) : 0;
    if (limit && file.size > limit * 1024 * 1024) {
      say(zone, message(zone, "too-large", {name: file.name}), true);
      return;
    }
    var request = new XMLHttpRequest();
    request.open("POST", "/unggah");
    request.setRequestHeader("X-CSRFToken", cookie("_csrf_token"));
    request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.upload.onprogress = function (event) {
      if (event.lengthComputable) {
        say(zone, message(zone, "uploading", {pct: Math.round(100 * event.loaded / event.total)}));
      }
    };
    request.onload = function () {
      var answer = {};
      try { answer = JSON.parse(request.responseText); } catch (ignored) { answer = {}; }
      if (request.status === 201 && answer.id) {
        say(zone, "");
        window.dash_clientside.set_props(ZONES[zone][1], {data: answer});
      } else {
        say(zone, answer.error || message(zone, "failed", {error: request.status + " " + request.statusText}), true);
      }
    };
    request.onerror = function () { say(zone, message(zone, "failed", {error: "network"}), true); };
    say(zone, message(zone, "uploading", {pct: 0}));
    request.send(file);
  }

  function insideZone(node) {  // the id of the zone that holds node, or null
    if (!node || !node.closest) { return null; }
    var found = Object.keys(ZONES).filter(function (zone) { return node.closest("#" + zone); });
    return found.length ? found[0] : null;
  }

  document.addEventListener("change", function (event) {
    var input = event.target, zone = insideZone(input);
    if (!zone || input.type !== "file") { return; }
    event.stopPropagation();
    if (input.files && input.files.length) { send(zone, input.files[0]); }
    input.value = "";
  }, true);

  document.addEventListener("drop", function (event) {
    var zone = insideZone(event.target);
    if (!zone) { return; }
    event.preventDefault();
    event.stopPropagation();
    var files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length) { send(zone, files[0]); }
  }, true);
}());
