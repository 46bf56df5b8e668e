(function () {
  "use strict";
  // The page keeps no state of its own: every second it asks the API and draws what it says, so a
  // reload or a second browser shows the same run.
  var TOKEN = new URLSearchParams(location.search).get("token");
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { for (var k in attrs) { e.setAttribute(k, attrs[k]); } }
    if (text != null) { e.textContent = text; }
    return e;
  }
  function num(v, d) {
    if (v == null || isNaN(v)) { return "–"; }
    return Number(v).toLocaleString("en-US", {maximumFractionDigits: d == null ? 1 : d, minimumFractionDigits: 0});
  }
  function dur(s) {
    s = Math.round(s);
    var m = Math.floor(s / 60), r = s % 60;
    return m > 0 ? m + "m" + (r < 10 ? "0" : "") + r + "s" : r + "s";
  }
  function api(method, path, body) {
    var headers = {};
    if (TOKEN) { headers.Authorization = "Bearer " + TOKEN; }
    var init = {method: method, headers: headers};
    if (body !== undefined) { headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    return fetch(path, init).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { throw new Error(j.error || ("HTTP " + r.status)); }
        return j;
      });
    });
  }
  function say(text) {
    var m = $("message");
    m.textContent = text || "";
    m.classList.toggle("hidden", !text);
  }

  // ---------- charts ----------
  var H = null, historyOf = null, runId = null, charts = {};
  function emptyHistory() { return {t: [], users: [], dropped: [], rps: [], eps: [], p50: [], p95: [], p99: [], next: 0}; }
  function width(id) { return Math.max(320, $(id).clientWidth || 500); }
  function makeCharts() {
    var t = {label: "elapsed", value: function (u, v) { return v == null ? "" : dur(v); }};
    var axis = {values: function (u, vals) { return vals.map(function (v) { return dur(v); }); }, space: 60};
    function mk(id, series, axes) {
      if (charts[id]) { charts[id].destroy(); }
      charts[id] = new uPlot({width: width(id), height: 240, scales: {x: {time: false}}, series: [t].concat(series), axes: [axis].concat(axes)},
        [[]].concat(series.map(function () { return []; })), $(id));
    }
    mk("chart-rps", [{label: "requests/s", stroke: "#2f6fde", width: 2}, {label: "errors/s", stroke: "#d64541", width: 2}], [{}]);
    mk("chart-latency", [{label: "p50", stroke: "#2f8f4e", width: 2}, {label: "p95", stroke: "#c77d00", width: 2},
      {label: "p99", stroke: "#d64541", width: 2}], [{values: function (u, v) { return v.map(function (x) { return num(x) + " ms"; }); }, size: 70}]);
    mk("chart-users", [{label: "users", stroke: "#5a6b7f", width: 2, fill: "rgba(90,107,127,0.08)"},
      {label: "dropped", stroke: "#d64541", width: 1, scale: "dropped"}], [{}, {scale: "dropped", side: 1, grid: {show: false}}]);
  }
  function drawCharts() {
    charts["chart-rps"].setData([H.t, H.rps, H.eps]);
    charts["chart-latency"].setData([H.t, H.p50, H.p95, H.p99]);
    charts["chart-users"].setData([H.t, H.users, H.dropped]);
    // what the charts show last, for a reader that cannot see the canvas (and for the browser test)
    $("chart-users").dataset.lastUsers = H.users.length ? H.users[H.users.length - 1] : "";
    $("chart-users").dataset.points = H.t.length;
    $("chart-rps").dataset.lastRps = H.rps.length ? H.rps[H.rps.length - 1] : "";
  }
  function pollHistory() {
    var request = $("chart-request").value;
    if (historyOf !== request) { H = emptyHistory(); historyOf = request; }
    var q = "/api/v1/history?since=" + H.next + (request ? "&request=" + encodeURIComponent(request) : "");
    return api("GET", q).then(function (h) {
      ["t", "users", "dropped", "rps", "eps", "p50", "p95", "p99"].forEach(function (k) { H[k] = H[k].concat(h[k]); });
      H.next = h.next;
      drawCharts();
    });
  }

  // ---------- the run ----------
  var formFilled = false;
  function showRun(r) {
    if (r.run_id !== runId) { runId = r.run_id; H = emptyHistory(); }
    $("scenario").textContent = r.scenario || "";
    var st = $("state");
    st.textContent = r.state;
    st.className = "pill " + r.state;
    $("elapsed").textContent = r.elapsed_s != null && r.state !== "idle" ? dur(r.elapsed_s) + (r.planned_s ? " of " + dur(r.planned_s) : "") : "";
    $("users-now").textContent = r.state !== "idle" ? r.users + " users" : "";
    $("start").classList.toggle("hidden", !r.can_start);
    if (r.can_start && !formFilled && r.defaults) { fill(r.defaults); formFilled = true; }
    var going = r.state === "running";
    $("steer").classList.toggle("hidden", r.state === "idle" || r.can_start && !going);
    $("steer-users-form").classList.toggle("hidden", !(going && r.steerable === "users"));
    $("steer-rate-form").classList.toggle("hidden", !(going && r.steerable === "rate"));
    $("stop").classList.toggle("hidden", !going);
    var load = r.load || {};
    $("load-now").textContent = load.model === "closed" ? "Wanted: " + num(load.users, 0) + " users"
      : load.model === "open" ? "Wanted: " + num(load.rate, 2) + " iterations/s (at most " + num(load.max_users, 0) + " in flight)"
      : (r.load_description || "");
    var lc = $("load-changes");
    lc.textContent = "";
    (r.load_changes || []).forEach(function (c) {
      var unit = c.quantity === "rate" ? "/s" : "";
      lc.appendChild(el("li", null, dur(c.elapsed_s) + ": " + c.quantity + " " + num(c.from, 2) + unit + " → " + num(c.to, 2) + unit + " (" + c.by + ")"));
    });
    if (r.stop && r.state === "ended") {
      say(null);
      $("load-now").textContent = "Ended: " + (r.stop.cause || r.stop.reason.toLowerCase()) + (r.exit_code != null ? " (exit " + r.exit_code + ")" : "");
    }
    if (r.error) { say(r.error); }
    $("downloads").classList.toggle("hidden", r.state === "idle" || !r.run_id);
    document.querySelectorAll("#downloads a").forEach(function (a) {
      var ready = !a.classList.contains("at-end") || r.state === "ended";
      a.href = ready ? "/api/v1/download/" + a.dataset.file + (TOKEN ? "?token=" + encodeURIComponent(TOKEN) : "") : "#";
      a.classList.toggle("disabled", !ready);
    });
    $("results-dir").textContent = r.results ? "Results folder: " + r.results : "";
  }
  function fill(d) {
    $("users").value = d.users; $("spawn-rate").value = d.spawn_rate; $("rate").value = d.rate;
    $("max-users").value = d.max_users; $("duration").value = d.duration || ""; $("target").value = d.target || "";
    $(d.model === "open" ? "model-open" : "model-closed").checked = true;
    modelShown();
  }
  function modelShown() {
    var open = $("model-open").checked;
    document.querySelectorAll(".open-only").forEach(function (e) { e.classList.toggle("hidden", !open); });
    document.querySelectorAll(".closed-only").forEach(function (e) { e.classList.toggle("hidden", open); });
  }

  // ---------- tables ----------
  var sortKey = "name", sortDown = false, lastStats = null;
  var COLS = null;
  function columns(percentiles) {
    var c = [["name", "Name", function (r) { return r.name; }], ["count", "Requests", function (r) { return r.count; }],
      ["failures", "Fails", function (r) { return r.failures; }], ["rps", "req/s", function (r) { return r.rps; }]];
    percentiles.forEach(function (p) { c.push(["p" + p, "p" + p + " ms", function (r) { return r.latency_ms["p" + p]; }]); });
    c.push(["max", "max ms", function (r) { return r.latency_ms.max; }]);
    c.push(["w-rps", "10s req/s", function (r) { return r.window.rps; }, true]);
    c.push(["w-failures", "10s fails", function (r) { return r.window.failures; }, true]);
    percentiles.forEach(function (p) { c.push(["w-p" + p, "10s p" + p, function (r) { return r.window.latency_ms["p" + p]; }, true]); });
    return c;
  }
  function row(r, tag) {
    var tr = el("tr", {"data-name": r.name});
    COLS.forEach(function (c, i) {
      var v = c[2](r);
      var td = el(tag || "td", {"data-col": c[0]}, i === 0 ? v : num(v, c[0].indexOf("p") >= 0 || c[0].indexOf("rps") >= 0 ? 1 : 0));
      if (c[3]) { td.className = "windowed"; }
      tr.appendChild(td);
    });
    return tr;
  }
  function showStats(s) {
    lastStats = s;
    COLS = columns(s.percentiles.map(function (p) { return String(p).replace(/\.0$/, ""); }));
    $("window-s").textContent = num(s.window_s, 0);
    var t = $("stats-table");
    var head = el("tr");
    COLS.forEach(function (c) {
      var th = el("th", {"data-col": c[0]}, c[1] + (sortKey === c[0] ? (sortDown ? " ▼" : " ▲") : ""));
      if (c[3]) { th.className = "windowed"; }
      th.addEventListener("click", function () { sortDown = sortKey === c[0] ? !sortDown : c[0] !== "name"; sortKey = c[0]; showStats(lastStats); });
      head.appendChild(th);
    });
    t.tHead.textContent = ""; t.tHead.appendChild(head);
    var col = COLS.filter(function (c) { return c[0] === sortKey; })[0] || COLS[0];
    var rows = s.requests.slice().sort(function (a, b) {
      var x = col[2](a), y = col[2](b);
      var c = typeof x === "string" ? x.localeCompare(y) : (x == null ? -1 : x) - (y == null ? -1 : y);
      return sortDown ? -c : c;
    });
    var body = t.tBodies[0];
    body.textContent = "";
    rows.forEach(function (r) { body.appendChild(row(r)); });
    t.tFoot.textContent = "";
    t.tFoot.appendChild(row(s.total, "th"));
    var sel = $("chart-request");
    s.requests.forEach(function (r) {
      if (!sel.querySelector("option[value='" + CSS.escape(r.name) + "']")) { sel.appendChild(el("option", {value: r.name}, r.name)); }
    });
    var fb = $("failures-table").tBodies[0];
    fb.textContent = "";
    s.failures.forEach(function (f) {
      var tr = el("tr");
      [f.request, f.reason, num(f.count, 0)].forEach(function (v) { tr.appendChild(el("td", null, v)); });
      fb.appendChild(tr);
    });
    showAi(s.ai);
    showVerdicts(s.thresholds, s.alerts);
  }
  function ms(v) { return v == null ? "–" : num(v) + " ms"; }
  function money(v, cur) { return (cur === "BRL" ? "R$ " : cur + " ") + (v >= 1 || v === 0 ? num(v, 2) : Number(v.toPrecision(3))); }
  function showAi(ai) {
    $("ai").classList.toggle("hidden", !ai.models.length && !ai.budget);
    var b = $("ai-table").tBodies[0];
    b.textContent = "";
    ai.models.forEach(function (m) {
      var tr = el("tr", {"data-model": m.model});
      [m.model, num(m.requests, 0), ms(m.ttft_ms.p50), ms(m.ttft_ms.p95), num(m.tokens_per_s), money(m.cost, ai.currency)]
        .forEach(function (v) { tr.appendChild(el("td", null, v)); });
      b.appendChild(tr);
    });
    $("ai-budget").textContent = "Cost so far: " + money(ai.cost, ai.currency) + (ai.budget ? " of a " + money(ai.budget.cap, ai.currency)
      + " cap (" + num(ai.budget.share * 100, 0) + " % used)" : " (no budget cap)");
  }
  function showVerdicts(th, alerts) {
    $("verdicts").classList.toggle("hidden", !th.length && !alerts.length);
    var b = $("thresholds-table").tBodies[0];
    b.textContent = "";
    th.forEach(function (v) {
      var tr = el("tr", {"data-status": v.status});
      tr.appendChild(el("td", null, v.group + ": " + v.expression));
      tr.appendChild(el("td", null, v.measured == null ? "–" : v.measured));
      tr.appendChild(el("td", null, v.limit));
      tr.appendChild(el("td", {"class": v.status === "failed" ? "fail" : v.status === "passed" ? "pass" : ""}, v.status.replace("_", " ")));
      b.appendChild(tr);
    });
    var ul = $("alerts-list");
    ul.textContent = "";
    alerts.forEach(function (a) { ul.appendChild(el("li", {"class": a.firing ? "fail" : "pass"}, a.name + (a.firing ? ": firing" : ": quiet"))); });
  }

  // ---------- actions ----------
  $("model-closed").addEventListener("change", modelShown);
  $("model-open").addEventListener("change", modelShown);
  $("start-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var body = {duration: $("duration").value, target: $("target").value};
    if ($("model-open").checked) { body.rate = $("rate").value; body.max_users = Number($("max-users").value); }
    else { body.users = Number($("users").value); body.spawn_rate = Number($("spawn-rate").value); }
    api("POST", "/api/v1/run", body).then(function () { say(null); formFilled = false; tick(); }, function (err) { say(err.message); });
  });
  $("steer-users-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var body = {users: Number($("steer-users").value)};
    if ($("steer-spawn").value) { body.spawn_rate = Number($("steer-spawn").value); }
    api("PATCH", "/api/v1/run", body).then(function () { say(null); tick(); }, function (err) { say(err.message); });
  });
  $("steer-rate-form").addEventListener("submit", function (e) {
    e.preventDefault();
    api("PATCH", "/api/v1/run", {rate: $("steer-rate").value}).then(function () { say(null); tick(); }, function (err) { say(err.message); });
  });
  $("stop").addEventListener("click", function () {
    api("POST", "/api/v1/run/stop", {}).then(function () { tick(); }, function (err) { say(err.message); });
  });
  $("chart-request").addEventListener("change", function () { pollHistory(); });

  var busy = false;
  function tick() {
    if (busy) { return; }
    busy = true;
    var pct = encodeURIComponent($("percentiles").value.replace(/\s/g, ""));
    api("GET", "/api/v1/run").then(function (r) {
      showRun(r);
      return Promise.all([api("GET", "/api/v1/stats?percentiles=" + pct).then(showStats), pollHistory()]);
    }).catch(function (err) { say(err.message); }).then(function () { busy = false; });
  }
  H = emptyHistory();
  makeCharts();
  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (id) { charts[id].setSize({width: width(id), height: 240}); });
  });
  tick();
  setInterval(tick, 1000);
})();
