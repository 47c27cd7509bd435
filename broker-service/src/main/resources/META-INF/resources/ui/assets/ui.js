// The little interaction the broker's pages need, in plain JavaScript: the HAL browser and the network highlight.
(function () {
  "use strict";

  function halBrowser(box) {
    var base = box.getAttribute("data-base");
    var browser = box.getAttribute("data-browser");
    fetch(box.getAttribute("data-url"), { headers: { Accept: "application/hal+json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (text) { return { status: response.status, text: text }; });
      })
      .then(function (result) {
        box.textContent = "";
        var status = document.createElement("p");
        status.textContent = "HTTP " + result.status;
        box.appendChild(status);
        var pre = document.createElement("pre");
        var body;
        try { body = JSON.stringify(JSON.parse(result.text), null, 2); } catch (e) { body = result.text; }
        // every quoted absolute URL on this broker becomes a link that browses it here
        var pattern = /"(https?:\/\/[^"\s]+)"/g;
        var last = 0, match;
        while ((match = pattern.exec(body)) !== null) {
          pre.appendChild(document.createTextNode(body.slice(last, match.index + 1)));
          var url = match[1];
          var a = document.createElement("a");
          a.textContent = url;
          a.href = url.indexOf(base) === 0 && url.indexOf("{") < 0 ? browser + encodeURIComponent(url.slice(base.length) || "/") : url;
          pre.appendChild(a);
          last = match.index + match[0].length - 1;
        }
        pre.appendChild(document.createTextNode(body.slice(last)));
        box.appendChild(pre);
      })
      .catch(function (error) { box.textContent = "Could not load: " + error; });
  }

  function network(svg) {
    function mark(name, on) {
      svg.querySelectorAll(".edges path").forEach(function (p) {
        if (p.getAttribute("data-from") === name || p.getAttribute("data-to") === name) {
          p.classList.toggle("hot", on);
        }
      });
    }
    svg.querySelectorAll(".node").forEach(function (node) {
      var name = node.getAttribute("data-name");
      ["mouseenter", "focus"].forEach(function (e) { node.addEventListener(e, function () { mark(name, true); }); });
      ["mouseleave", "blur"].forEach(function (e) { node.addEventListener(e, function () { mark(name, false); }); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var hal = document.getElementById("hal");
    if (hal) { halBrowser(hal); }
    document.querySelectorAll("svg.network").forEach(network);
  });
})();
