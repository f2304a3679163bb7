window.sanus = {
    // Set once the interactive circuit has rendered: before that, typing into a pre-rendered page is lost.
    markInteractive: () => document.body.setAttribute("data-interactive", "true"),
};

// Idle session timeout (ACC-4). The interactive app talks over a websocket that never refreshes the
// session cookie, so activity is reported here: while the person works, the cookie is kept alive; after
// the configured idle time without a key press, click or touch, the session is ended.
(function () {
    const body = document.body;
    if (body.dataset.signedIn !== "true") return;
    const idleMs = Number(body.dataset.idleMinutes || 30) * 60 * 1000;
    let lastActivity = Date.now();
    let lastPing = Date.now();
    const onActivity = () => {
        lastActivity = Date.now();
        if (lastActivity - lastPing > Math.min(idleMs / 3, 5 * 60 * 1000)) {
            lastPing = lastActivity;
            fetch("Account/KeepAlive", { method: "POST", credentials: "same-origin" });
        }
    };
    ["keydown", "mousedown", "touchstart", "scroll"].forEach(e => window.addEventListener(e, onActivity, { passive: true }));
    setInterval(() => {
        if (Date.now() - lastActivity >= idleMs) {
            window.location.href = "Account/SessionExpired";
        }
    }, 15 * 1000);
})();
