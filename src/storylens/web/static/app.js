// storylens: small enhancements; every page works without this file.
"use strict";

// Side by side: pointing at or focusing a claim lights the same claim in every column,
// and clicking a marked passage brings the other columns to their version of it.
function linkClaims() {
  const marks = document.querySelectorAll("mark.claim[data-claim]");
  const same = (key) => document.querySelectorAll(`mark.claim[data-claim="${CSS.escape(key)}"]`);
  const light = (key, on) => same(key).forEach((m) => m.classList.toggle("lit", on));
  marks.forEach((mark) => {
    const key = mark.dataset.claim;
    mark.addEventListener("mouseenter", () => light(key, true));
    mark.addEventListener("mouseleave", () => light(key, false));
    mark.addEventListener("focusin", () => light(key, true));
    mark.addEventListener("focusout", () => light(key, false));
    mark.addEventListener("click", (event) => {
      if (event.target.closest("a")) return;
      const column = mark.closest(".column");
      document.querySelectorAll(".column").forEach((other) => {
        if (other === column) return;
        const twin = other.querySelector(`mark.claim[data-claim="${CSS.escape(key)}"]`);
        const body = other.querySelector(".column-body");
        if (twin && body) body.scrollTop = twin.offsetTop - body.offsetTop - body.clientHeight / 3;
      });
    });
  });
}

// "Open all" buttons: open or close every <details> in their section.
function expandButtons() {
  document.querySelectorAll("button[data-expand]").forEach((button) => {
    const scope = document.querySelector(button.dataset.expand);
    if (!scope) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      const details = scope.querySelectorAll("details");
      const open = Array.from(details).some((d) => !d.open);
      details.forEach((d) => { d.open = open; });
      button.textContent = open ? "Close all" : "Open all";
    });
  });
}

// Claims past the story page's budget load their sentences when opened.
function lazyClaims() {
  document.querySelectorAll("details [data-fragment]").forEach((holder) => {
    const details = holder.closest("details");
    const load = () => {
      if (!details.open || holder.dataset.loading) return;
      holder.dataset.loading = "1";
      fetch(holder.dataset.fragment, { headers: { Accept: "text/html" } })
        .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
        .then((html) => { holder.outerHTML = html; })
        .catch(() => { delete holder.dataset.loading; });
    };
    details.addEventListener("toggle", load);
    load();
  });
}

// Opening a page at #claim-… opens that claim.
function openTarget() {
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const details = target && target.querySelector("details");
  if (details) details.open = true;
}

document.addEventListener("DOMContentLoaded", () => {
  linkClaims();
  lazyClaims();
  expandButtons();
  openTarget();
  window.addEventListener("hashchange", openTarget);
});
