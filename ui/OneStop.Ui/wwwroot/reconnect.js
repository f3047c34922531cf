// What the desk does when its circuit drops (the node restarted, the cable was pulled): blazor.web.js shows the
// banner and retries for a while; after that we keep knocking every few seconds. A node that restarted no longer
// knows the old circuit and rejects it: reload, which keeps the sign-in (the cookie) and shows the page fresh.
(function () {
    "use strict";
    var banner = document.getElementById("components-reconnect-modal");
    if (!banner || !window.Blazor) {
        return;
    }
    var knockMs = 3000;
    var knocking = null;

    function knock() {
        window.Blazor.reconnect().then(function (reconnected) {
            if (!reconnected) {
                window.location.reload();
            }
        }).catch(function () { /* Still down: next knock. */ });
    }

    function startKnocking() {
        if (knocking === null) {
            knocking = window.setInterval(knock, knockMs);
        }
    }

    banner.addEventListener("components-reconnect-state-changed", function (event) {
        var state = event.detail && event.detail.state;
        if (state === "rejected") {
            window.location.reload();
        } else if (state === "failed") {
            startKnocking();
        } else if (state === "hide" && knocking !== null) {
            window.clearInterval(knocking);
            knocking = null;
        }
    });
    var retry = banner.querySelector(".reconnect-retry");
    if (retry) {
        retry.addEventListener("click", knock);
    }
}());
