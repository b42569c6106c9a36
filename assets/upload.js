/* Lokus data page: stream a chosen file to POST /unggah instead of letting dcc.Upload read it into base64.
 *
 * The file input and drop zone belong to dcc.Upload (#data-upload); this script catches the change and
 * drop events first (capture phase, on the document), sends the raw bytes with the session's CSRF token,
 * shows progress, and hands the server's answer ({id, name, size}) to the data-upload-token store with
 * dash_clientside.set_props. Nothing here is trusted by the server: it resolves the id for the signed-in
 * owner only.
 */
(function () {
  "use strict";
  var ZONE = "data-upload", STATUS = "data-upload-status", TOKEN = "data-upload-token";

  function cookie(name) {
    var found = document.cookie.split("; ").find(function (c) { return c.indexOf(name + "=") === 0; });
    return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
  }

  function say(text, bad) {
    var status = document.getElementById(STATUS);
    if (!status) { return; }
    status.textContent = text;
    status.className = "small mt-1 " + (bad ? "text-danger" : "text-muted");
  }

  function message(key, values) {
    var status = document.getElementById(STATUS);
    var text = (status && status.getAttribute("data-" + key)) || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }

  function send(file) {
    var status = document.getElementById(STATUS);
    var limit = status ? Number(status.getAttribute("data-limit-mb")) : 0;
    if (limit && file.size > limit * 1024 * 1024) {
      say(message("too-large", {name: file.name}), true);
      return;
    }
    var request = new XMLHttpRequest();
    request.open("POST", "/unggah");
    request.setRequestHeader("X-CSRFToken", cookie("_csrf_token"));
    request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.upload.onprogress = function (event) {
      if (event.lengthComputable) {
        say(message("uploading", {pct: Math.round(100 * event.loaded / event.total)}));
      }
    };
    request.onload = function () {
      var answer = {};
      try { answer = JSON.parse(request.responseText); } catch (ignored) { answer = {}; }
      if (request.status === 201 && answer.id) {
        say("");
        window.dash_clientside.set_props(TOKEN, {data: answer});
      } else {
        say(answer.error || message("failed", {error: request.status + " " + request.statusText}), true);
      }
    };
    request.onerror = function () { say(message("failed", {error: "network"}), true); };
    say(message("uploading", {pct: 0}));
    request.send(file);
  }

  function insideZone(node) {
    return node && node.closest && node.closest("#" + ZONE);
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!insideZone(input) || input.type !== "file") { return; }
    event.stopPropagation();
    if (input.files && input.files.length) { send(input.files[0]); }
    input.value = "";
  }, true);

  document.addEventListener("drop", function (event) {
    if (!insideZone(event.target)) { return; }
    event.preventDefault();
    event.stopPropagation();
    var files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length) { send(files[0]); }
  }, true);
}());
