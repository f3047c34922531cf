// Keeps the sync bar current without reloading the page (a half-typed form must never be lost):
// the server renders the bar, this only swaps it in. Without JavaScript the bar updates on each page load.
(function () {
    "use strict";
    var intervalMs = 2000;
    function refresh() {
        var bar = document.getElementById("syncbar");
        if (!bar) {
            return;
        }
        fetch("/ui/syncbar", { credentials: "same-origin", headers: { "Accept": "text/html" } })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (html) {
                    var holder = document.createElement("div");
                    holder.innerHTML = html;
                    var fresh = holder.querySelector("#syncbar");
                    if (fresh && fresh.outerHTML !== bar.outerHTML) {
                        bar.replaceWith(fresh);
                    }
                }
            })
            .catch(function () { /* The node is restarting: try again at the next tick. */ })
            .finally(function () { window.setTimeout(refresh, intervalMs); });
    }
    window.setTimeout(refresh, intervalMs);
}());
