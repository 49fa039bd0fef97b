// The delivery console. Every value from the server is rendered with textContent, never as HTML.
"use strict";

(function () {
  const token = new URLSearchParams(window.location.search).get("token");
  const headers = token ? { "X-HrFlow-Console-Token": token } : {};
  let latest = 0;
  let picked = null;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  async function get(path) {
    const response = await fetch(path, { headers: headers, cache: "no-store" });
    if (!response.ok) throw new Error(path + ": " + response.status);
    return response.json();
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: Object.assign({ "X-HrFlow-Console": "1", "Content-Type": "application/json" }, headers),
      body: body === undefined ? "{}" : JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error || String(response.status));
    return answer;
  }

  function say(text) {
    document.getElementById("action-result").textContent = text;
  }

  function statusClass(status) {
    return status >= 200 && status < 300 ? "status-ok" : "status-bad";
  }

  function row(delivery) {
    const tr = document.createElement("tr");
    tr.dataset.id = delivery.id;
    tr.appendChild(el("td", delivery.id));
    tr.appendChild(el("td", new Date(delivery.at).toLocaleTimeString()));
    tr.appendChild(el("td", delivery.source === "network" ? delivery.client : delivery.source));
    tr.appendChild(el("td", delivery.status || "—", statusClass(delivery.status)));
    tr.appendChild(el("td", delivery.scheme || delivery.rejection || delivery.note || "—", delivery.scheme ? "" : "muted"));
    tr.appendChild(el("td", delivery.events ? delivery.events + " · " + delivery.types.join(", ") : "—"));
    tr.appendChild(el("td", (delivery.micros / 1000).toFixed(1)));
    tr.addEventListener("click", () => show(delivery.id));
    return tr;
  }

  let refreshing = null;

  // One refresh at a time: the timer's and an action's would otherwise both add the same rows.
  function refresh() {
    if (!refreshing) refreshing = fetchNewer().finally(() => { refreshing = null; });
    return refreshing;
  }

  async function fetchNewer() {
    try {
      const answer = await get("/console/api/deliveries?after=" + latest);
      const body = document.querySelector("#deliveries tbody");
      for (const delivery of answer.deliveries) {
        if (delivery.id <= latest) continue;
        body.insertBefore(row(delivery), body.firstChild);
        latest = delivery.id;
      }
      while (body.children.length > 200) body.removeChild(body.lastChild);
      document.getElementById("empty").hidden = body.children.length > 0;
    } catch (e) {
      say("cannot reach the server: " + e.message);
    }
  }

  function jsonTree(value, key) {
    const isContainer = value !== null && typeof value === "object";
    if (!isContainer) {
      const line = el("div");
      if (key !== undefined) line.appendChild(el("span", JSON.stringify(key) + ": ", "key"));
      const kind = value === null ? "null" : typeof value;
      line.appendChild(el("span", JSON.stringify(value), kind));
      return line;
    }
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    const details = el("details");
    details.open = true;
    const label = (key !== undefined ? JSON.stringify(key) + ": " : "") + (Array.isArray(value) ? "[" + entries.length + "]" : "{" + entries.length + "}");
    details.appendChild(el("summary", label));
    for (const [k, v] of entries) details.appendChild(jsonTree(v, Array.isArray(value) ? undefined : k));
    return details;
  }

  async function show(id) {
    let delivery;
    try {
      delivery = await get("/console/api/deliveries/" + id);
    } catch (e) {
      say("delivery " + id + " is gone: " + e.message);
      return;
    }
    picked = delivery;
    for (const tr of document.querySelectorAll("#deliveries tbody tr")) tr.classList.toggle("picked", tr.dataset.id === String(id));
    document.getElementById("detail").hidden = false;
    document.getElementById("detail-title").textContent = "Delivery #" + delivery.id;
    document.getElementById("replay").disabled = !delivery.replayable;
    const summary = document.getElementById("detail-summary");
    summary.replaceChildren();
    const facts = [
      ["received", new Date(delivery.at).toLocaleString()],
      ["from", delivery.client + " (" + delivery.source + ")"],
      ["status", delivery.status],
      ["signature", delivery.scheme || "—"],
      ["refused because", delivery.rejection || "—"],
      ["result", delivery.note || "—"],
      ["events", delivery.events],
      ["handling", (delivery.micros / 1000).toFixed(1) + " ms"],
    ];
    for (const [name, value] of facts) {
      summary.appendChild(el("dt", name));
      summary.appendChild(el("dd", value));
    }
    const events = document.getElementById("detail-events");
    events.replaceChildren();
    if (delivery.eventList.length === 0) events.appendChild(el("p", "No event was decoded.", "muted"));
    for (const event of delivery.eventList) {
      const box = el("div", null, "event");
      const head = el("div", null, "event-head");
      head.appendChild(el("strong", event.type));
      head.appendChild(el("span", event.outcome, "outcome outcome-" + event.outcome));
      box.appendChild(head);
      if (event.error) {
        box.appendChild(el("div", event.error, "error"));
        const trace = el("details");
        trace.appendChild(el("summary", "stack trace"));
        trace.appendChild(el("pre", event.stackTrace));
        box.appendChild(trace);
      }
      const json = el("div", null, "json event-json");
      try {
        json.appendChild(jsonTree(JSON.parse(event.json)));
      } catch (e) {
        json.appendChild(el("pre", event.json + (event.cut ? "\n… (cut)" : "")));
      }
      box.appendChild(json);
      events.appendChild(box);
    }
    const headerRows = document.querySelector("#detail-headers tbody");
    headerRows.replaceChildren();
    for (const [name, value] of delivery.headers) {
      const tr = document.createElement("tr");
      tr.appendChild(el("td", name));
      tr.appendChild(el("td", value));
      headerRows.appendChild(tr);
    }
  }

  function inboxRows(tbody, entries) {
    tbody.replaceChildren();
    for (const entry of entries) {
      const tr = document.createElement("tr");
      tr.appendChild(el("td", entry.id));
      tr.appendChild(el("td", entry.type));
      tr.appendChild(el("td", entry.attempts));
      tr.appendChild(el("td", entry.lastError ? entry.lastError.split("\n")[0] : "—"));
      tbody.appendChild(tr);
    }
  }

  async function refreshInbox() {
    try {
      const inbox = await get("/console/api/inbox");
      document.getElementById("inbox").hidden = !inbox.enabled;
      if (!inbox.enabled) return;
      document.getElementById("inbox-counts").textContent =
        inbox.pending + " pending (" + inbox.retrying + " retrying, oldest " + inbox.oldestPendingAge + "), " + inbox.dead + " dead";
      inboxRows(document.querySelector("#inbox-pending tbody"), inbox.pendingEvents);
      inboxRows(document.querySelector("#inbox-dead tbody"), inbox.deadEvents);
    } catch (e) {
      // the list says when the server is unreachable
    }
  }

  async function start() {
    const types = await get("/console/api/types");
    const select = document.getElementById("sample-type");
    for (const type of types.types) select.appendChild(el("option", type));
    select.title = types.realisticSamples ? "the test kit's samples" : "minimal samples (add hrflow-webhook-testing for realistic ones)";
    document.getElementById("send-sample").addEventListener("click", async () => {
      try {
        const answer = await post("/console/api/samples", { type: select.value });
        say("sample " + select.value + ": " + answer.status);
        await refresh();
        refresh();
      } catch (e) {
        say("sample not sent: " + e.message);
      }
    });
    document.getElementById("replay").addEventListener("click", async () => {
      if (!picked) return;
      try {
        const answer = await post("/console/api/deliveries/" + picked.id + "/replay");
        say("replay of #" + picked.id + ": " + answer.status);
        await refresh();
        refresh();
      } catch (e) {
        say("not replayed: " + e.message);
      }
    });
    document.getElementById("replay-dead").addEventListener("click", async () => {
      try {
        const answer = await post("/console/api/inbox/replay");
        say(answer.replayed + " dead events queued again");
        refreshInbox();
      } catch (e) {
        say("not replayed: " + e.message);
      }
    });
    await refresh();
    await refreshInbox();
    setInterval(refresh, 1000);
    setInterval(refreshInbox, 3000);
  }

  document.addEventListener("DOMContentLoaded", start);
})();
