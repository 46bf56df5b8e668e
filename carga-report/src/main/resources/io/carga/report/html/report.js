(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("report-data").textContent);
  var S = D.summary;
  var drawn = window.cargaCharts = {};
  var PALETTE = ["#2f6fde", "#e0622a", "#1e9e5a", "#9b51e0", "#d9a300", "#d64541", "#138a9e", "#7a5c3e", "#c2408f", "#5a6b7f",
    "#4fa3ff", "#ff9a5a", "#58c48a", "#bf8ef0", "#f2c94c", "#ff7b77", "#42c2d6", "#a98a6a", "#f27ec0", "#97a6b8"];

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, html) {
    var e = document.createElement(tag);
    if (attrs) { for (var k in attrs) { e.setAttribute(k, attrs[k]); } }
    if (html != null) { e.innerHTML = html; }
    return e;
  }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); }
  function show(id) { $(id).classList.remove("hidden"); }
  function num(v, d) {
    if (v == null || isNaN(v)) { return "–"; }
    if (d === undefined) { d = Math.abs(v) >= 100 ? 1 : 2; }
    return Number(v).toLocaleString("en-US", {minimumFractionDigits: d, maximumFractionDigits: d});
  }
  function int(v) { return Number(v).toLocaleString("en-US"); }
  function pct(v, d) { return num(v * 100, d == null ? 2 : d) + "%"; }
  function dur(s) {
    s = Math.round(s);
    var h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
    return (h ? h + "h " : "") + (h || m ? m + "m " : "") + r + "s";
  }
  // Money always with its currency, and enough digits to be non-zero: cents from one unit up, else three
  // significant digits (R$ 0.000512, not 0.00).
  function money(v, cur) {
    if (v == null || isNaN(v)) { return "–"; }
    var a = Math.abs(v);
    var s = a === 0 || a >= 1 ? num(v, 2) : Number(v).toLocaleString("en-US", {maximumSignificantDigits: 3, minimumFractionDigits: 2});
    return (cur ? cur + " " : "") + s;
  }
  var TIERS = D.tiers || {};
  function sla(name) { var t = TIERS[name]; return t ? t.tier + " p" + t.percentile + " < " + num(t.limit_ms, 0) + " ms" : ""; }
  function overSla(name) { var t = TIERS[name]; return t && t.measured_ms >= t.limit_ms; }

  // ---------- header and executive summary ----------
  $("title").textContent = (D.meta.scenario || "run") + " · " + (D.meta.load || "");
  $("when").textContent = new Date(S.started_at_ms).toISOString().replace("T", " ").substring(0, 19) + " UTC · run " + S.run_id
    + (D.meta.metrics_url ? " · served live at " + D.meta.metrics_url : "");
  var g = D.grade;
  var exec = $("exec");
  var gradeBox = el("div", {"class": "grade"},
    '<div class="letter" id="grade-letter" style="background:var(--grade-' + g.letter + ')">' + g.letter + '</div>' +
    '<div class="score">score <b id="grade-score">' + g.score + '</b> / 100</div><div class="basis" id="grade-basis">' + esc(g.basis) + '</div>');
  var right = el("div");
  right.appendChild(el("div", {"class": "verdict", id: "verdict"}, esc(D.verdict)));
  var kpis = el("div", {"class": "kpis"});
  var t = S.total;
  [["Peak users", int(S.users_peak)], ["Throughput", num(t.rps) + " rps"], ["Error rate", pct(t.error_rate)],
    ["p95 latency · all requests", num(t.latency_ms.p95) + " ms", "kpi-p95"], ["Requests", int(t.count)], ["Duration", dur(S.duration_s)],
    ["Test cost", S.cost && S.cost.testing ? esc(money(S.cost.testing.total_brl, "R$")) : D.cost ? esc(money(D.cost.total, D.cost.currency)) : "not recorded", "kpi-cost"]].forEach(function (k) {
    kpis.appendChild(el("div", k[2] ? {"class": "kpi", id: k[2]} : {"class": "kpi"}, '<div class="v">' + k[1] + '</div><div class="l">' + k[0] + '</div>'));
  });
  right.appendChild(kpis);
  var parts = el("div", {"class": "parts"});
  g.parts.forEach(function (p) {
    parts.appendChild(el("div", {"class": "part" + (p.measured ? "" : " unmeasured"), "data-part": p.name},
      '<div class="n">' + esc(p.name) + ' <span style="float:right">' + (p.measured ? p.points + " / " + p.max : "not measured") +
      '</span></div><div class="bar"><i style="width:' + (p.measured ? 100 * p.points / p.max : 0) + '%"></i></div><div class="f">' + esc(p.figure) +
      (p.measured ? " · band " + esc(p.rule) : "") + '</div><div class="f covers">over ' + esc(p.covers) + "</div>"));
  });
  right.appendChild(parts);
  if (S.generator && S.generator.saturated) {
    right.appendChild(el("div", {"class": "warnbox"}, "The load generator itself was saturated: latency figures include its own delay and cannot be trusted."));
  }
  if (S.stop && S.stop.cut_short) {
    right.appendChild(el("div", {"class": "warnbox", id: "cut-short"}, "Cut short: the maximum duration (" + dur(S.stop.max_duration_s) +
      ") stopped this run before its planned end" + (S.stop.planned_s ? " (" + dur(S.stop.planned_s) + ")" : "") +
      (S.stop.cut_short_accepted ? "; the plan accepts that." : "; the plan does not accept that, so the run failed (exit code 6).")));
  }
  if (S.stop && S.stop.reason === "BUDGET") {
    right.appendChild(el("div", {"class": "warnbox"}, "Stopped by the budget guard: " + esc(S.stop.cause || "") + " (exit code 5)."));
  }
  if (S.stop && S.stop.reason === "ABRUPT") {
    right.appendChild(el("div", {"class": "warnbox"}, "This run ended abruptly; the figures cover it up to its last complete interval."));
  }
  exec.appendChild(gradeBox);
  exec.appendChild(right);

  // ---------- charts ----------
  var T = D.timeline;
  function width(id) { return Math.max(320, $(id).clientWidth || 900); }
  function countDrawn(u) {
    var n = 0;
    for (var i = 1; i < u.data.length; i++) {
      if (u.series[i].show === false) { continue; }
      var col = u.data[i];
      for (var j = 0; j < col.length; j++) { if (col[j] != null) { n++; } }
    }
    return n;
  }
  function chart(id, opts, data) {
    opts.width = width(id);
    opts.height = opts.height || 300;
    opts.hooks = {draw: [function (u) { drawn[id] = countDrawn(u); }].concat(opts.draw || [])};
    opts.cursor = opts.cursor || {drag: {x: true, y: false}};
    var u = new uPlot(opts, data, $(id));
    window.addEventListener("resize", function () { u.setSize({width: width(id), height: opts.height}); });
    return u;
  }
  function ms(u, vals) { return vals.map(function (v) { return v == null ? "" : (v >= 1000 ? num(v / 1000, 1) + " s" : num(v, v < 10 ? 1 : 0) + " ms"); }); }
  function clock(u, vals) { return vals.map(function (v) { return dur(v); }); }
  var timeAxis = {label: "elapsed", values: clock, space: 70};

  // The load's live changes (the web UI, the API): a dashed line and its label where each took effect.
  var changes = S.load_changes || [];
  function drawChanges(u) {
    var c = u.ctx;
    c.save();
    c.strokeStyle = "#9a6b00";
    c.fillStyle = "#9a6b00";
    c.setLineDash([5, 4]);
    c.font = "12px sans-serif";
    changes.forEach(function (ch) {
      var x = u.valToPos(ch.elapsed_s, "x", true);
      c.beginPath();
      c.moveTo(x, u.bbox.top);
      c.lineTo(x, u.bbox.top + u.bbox.height);
      c.stroke();
      c.fillText(changeText(ch), x + 4, u.bbox.top + 14);
    });
    c.restore();
  }
  function changeText(ch) {
    var unit = ch.quantity === "rate" ? "/s" : "";
    function amount(v) { return v === Math.round(v) ? int(v) : num(v); }
    return ch.quantity + " " + amount(ch.from) + unit + " → " + amount(ch.to) + unit;
  }
  if (changes.length) {
    var list = el("ul", {id: "load-changes"});
    changes.forEach(function (ch) {
      list.appendChild(el("li", null, esc(dur(ch.elapsed_s) + ": " + changeText(ch) + " (" + ch.by + ")")));
    });
    $("load").appendChild(list);
  }
  chart("chart-load", {
    draw: [drawChanges],
    scales: {x: {time: false}, users: {}, rps: {}},
    series: [{label: "t", value: function (u, v) { return v == null ? "" : dur(v); }},
      {label: "users", scale: "users", stroke: "#5a6b7f", width: 2, fill: "rgba(90,107,127,0.08)"},
      {label: "requests/s", scale: "rps", stroke: "#2f6fde", width: 2},
      {label: "errors/s", scale: "rps", stroke: "#d64541", width: 2}],
    axes: [timeAxis, {scale: "users", label: "users"}, {scale: "rps", side: 1, label: "per second", grid: {show: false}}]
  }, [T.t, T.users, T.rps, T.eps]);

  var pick = $("latency-pick");
  var names = Object.keys(D.series);
  pick.appendChild(el("option", {value: ""}, "All requests"));
  names.forEach(function (n) { pick.appendChild(el("option", {value: n}, esc(n))); });
  var latencyChart = null;
  function drawLatency() {
    var s = pick.value ? D.series[pick.value] : T;
    if (latencyChart) { latencyChart.destroy(); }
    latencyChart = chart("chart-latency", {
      scales: {x: {time: false}},
      series: [{label: "t", value: function (u, v) { return v == null ? "" : dur(v); }},
        {label: "p50", stroke: "#1e9e5a", width: 2, spanGaps: false},
        {label: "p95", stroke: "#d9a300", width: 2},
        {label: "p99", stroke: "#d64541", width: 2}],
      axes: [timeAxis, {values: ms, size: 70}]
    }, [T.t, s.p50, s.p95, s.p99]);
  }
  pick.addEventListener("change", drawLatency);
  drawLatency();

  var dist = D.distribution;
  var distNames = Object.keys(dist);
  if (distNames.length) {
    var xs = dist[distNames[0]].x;
    var series = [{label: "percentile", value: function (u, v) { return v == null ? "" : pctLabel(v); }}];
    var data = [xs];
    distNames.forEach(function (n, i) {
      series.push({label: n, stroke: i === 0 ? "#15202e" : PALETTE[(i - 1) % PALETTE.length], width: i === 0 ? 3 : 1.5, show: i < 9});
      data.push(dist[n].ms);
    });
    chart("chart-dist", {
      height: 340,
      scales: {x: {time: false, distr: 3}, y: {distr: 3}},
      series: series,
      axes: [{splits: function () { return [1, 2, 10, 100, 1000, 10000, 100000]; }, values: function (u, vals) { return vals.map(pctLabel); }, label: "percentile"}, {values: ms, size: 70}]
    }, data);
  }
  function pctLabel(v) { var p = 100 - 100 / v; return (p <= 0 ? "0" : +p.toFixed(4)) + "%"; }

  var kinds = Object.keys(T.kinds || {});
  if (kinds.length) {
    show("errors");
    var es = [{label: "t", value: function (u, v) { return v == null ? "" : dur(v); }}], ed = [T.t];
    kinds.forEach(function (k, i) { es.push({label: k, stroke: PALETTE[(i + 5) % PALETTE.length], width: 2}); ed.push(T.kinds[k]); });
    chart("chart-errors", {scales: {x: {time: false}}, series: es, axes: [timeAxis, {label: "errors per second"}]}, ed);
  }

  // ---------- requests table ----------
  var cols = [["Name", "name"], ["Count", "count", 0], ["Fails", "errors", 0], ["Error %", "error_pct", 2], ["RPS", "rps"],
    ["Avg ms", "mean"], ["p50", "p50"], ["p90", "p90"], ["p95", "p95"], ["p99", "p99"], ["p99.9", "p999"], ["Max", "max"], ["SLA", "sla"]];
  function rowValues(name, r) {
    var l = r.latency_ms;
    return {name: name, count: r.count, errors: r.errors, error_pct: r.error_rate * 100, rps: r.rps, mean: l.mean, p50: l.p50,
      p90: l.p90, p95: l.p95, p99: l.p99, p999: l.p999, max: l.max, sla: sla(name)};
  }
  function slaClass(k, v) { return k === "p95" && overSla(v.name) ? "bad" : null; }
  function renderTable(table, columns, rows, total, classify) {
    var head = el("tr");
    columns.forEach(function (c, i) { var th = el("th", {"data-col": i, "data-key": c[1]}, c[0]); head.appendChild(th); });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var body = el("tbody"); table.appendChild(body);
    function tr(v, cls) {
      var row = el("tr", cls ? {"class": cls} : null);
      columns.forEach(function (c) {
        var val = v[c[1]];
        var td = el("td", {"data-key": c[1], "data-v": val});
        td.textContent = typeof c[2] === "function" ? c[2](val) : typeof val === "number" ? (c[2] === 0 ? int(val) : num(val, c[2])) : val;
        if (classify) { var k = classify(c[1], v); if (k) { td.className = k; } }
        row.appendChild(td);
      });
      return row;
    }
    rows.forEach(function (v) { body.appendChild(tr(v)); });
    if (total) { var tf = el("tfoot"); tf.appendChild(tr(total, "total")); table.appendChild(tf); }
    sortable(table);
  }
  function sortable(table) {
    var ths = table.querySelectorAll("thead th");
    ths.forEach(function (th) {
      th.addEventListener("click", function () {
        var idx = +th.getAttribute("data-col");
        var asc = !th.classList.contains("asc");
        ths.forEach(function (x) { x.classList.remove("asc", "desc"); });
        th.classList.add(asc ? "asc" : "desc");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[idx].getAttribute("data-v"), y = b.cells[idx].getAttribute("data-v");
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  var reqRows = Object.keys(S.requests).map(function (n) { return rowValues(n, S.requests[n]); });
  renderTable($("requests-table"), cols, reqRows, rowValues("Total", S.total), function (k, v) {
    return k === "errors" && v.errors > 0 ? "bad" : slaClass(k, v);
  });

  // ---------- recommendations ----------
  if (D.recommendations.length) {
    show("recs");
    D.recommendations.forEach(function (r) {
      var box = el("div", {"class": "rec " + r.severity});
      box.innerHTML = '<div class="t">' + esc(r.title) + '</div><div class="why">because <b>' + esc(r.trigger) + "</b></div><ul>" +
        r.actions.map(function (a) { return "<li>" + esc(a) + "</li>"; }).join("") + "</ul>";
      $("recs-list").appendChild(box);
    });
  }

  // ---------- thresholds and alerts (written by the thresholds output when present) ----------
  if (S.thresholds && S.thresholds.length) {
    show("thresholds");
    var th = el("table");
    th.setAttribute("id", "thresholds-table");
    th.innerHTML = "<thead><tr><th>Group</th><th>Threshold</th><th>Measured</th><th>Limit</th><th>Verdict</th></tr></thead>";
    var tb = el("tbody");
    S.thresholds.forEach(function (x) {
      var cls = x.verdict === "passed" ? "pass" : (x.verdict === "failed" ? "fail" : "skip");
      tb.appendChild(el("tr", null, "<td>" + esc(x.group) + '</td><td style="text-align:left">' + esc(x.expression) + "</td><td data-key=measured>" +
        esc(x.measured_label == null ? "–" : x.measured_label) + "</td><td>" + esc(x.limit_label || "–") + '</td><td><span class="pill ' + cls + '">' +
        esc(x.verdict === "not_evaluated" ? "not evaluated" : x.verdict) + "</span></td>"));
    });
    th.appendChild(tb);
    $("thresholds-body").appendChild(th);
  }
  if (S.alerts && S.alerts.length) {
    show("alerts");
    var ul = el("ul");
    S.alerts.forEach(function (a) { ul.appendChild(el("li", null, esc(typeof a === "string" ? a : (a.name || "") + " " + (a.message || JSON.stringify(a))))); });
    $("alerts-body").appendChild(ul);
  }

  // ---------- baseline ----------
  if (D.baseline) {
    show("baseline");
    var B = D.baseline;
    var box = $("baseline-body");
    box.appendChild(el("p", {"class": "note"}, "Baseline: <code>" + esc(B.baseline) + "</code>. Figures from both runs' whole-run histograms; " +
      "shift is the Kolmogorov–Smirnov distance between the two latency distributions. Regression limit " + pct(B.limit, 0) + " on " + esc(B.checked.join(", ")) + "."));
    if (B.regressions.length) {
      box.appendChild(el("div", {"class": "warnbox"}, "<b>Regressions:</b> " + B.regressions.map(esc).join("; ")));
    } else {
      box.appendChild(el("p", null, '<span class="pill pass">no regression</span>'));
    }
    var bt = el("table", {"class": "sortable", id: "baseline-table"});
    var figs = [["p50", "p50 ms"], ["p95", "p95 ms"], ["p99", "p99 ms"], ["error_rate", "errors"], ["rps", "rps"], ["cost_per_request", "cost/req"]];
    var hr = "<thead><tr><th data-col=0>Name</th>";
    figs.forEach(function (f, i) { hr += "<th data-col=" + (i + 1) + ">" + f[1] + "</th>"; });
    hr += "<th data-col=" + (figs.length + 1) + ">shift</th></tr></thead>";
    bt.innerHTML = hr;
    var bb = el("tbody");
    B.rows.forEach(function (r) {
      var row = "<td data-v='" + esc(r.name) + "'>" + esc(r.name) + "</td>";
      figs.forEach(function (f) {
        if (!r.base || !r.current) { row += "<td data-v=''>" + (r.base ? "gone" : "new") + "</td>"; return; }
        var b = r.base[f[0]], c = r.current[f[0]], w = r.worse[f[0]];
        var fmt = f[0] === "error_rate" ? function (v) { return pct(v); } : (f[0] === "cost_per_request" ? money : function (v) { return num(v); });
        var cls = r.regressed.indexOf(f[0]) >= 0 ? "bad" : (w > 0.05 ? "warn" : (w < -0.05 ? "good" : ""));
        var change = b ? (c - b) / b : 0;
        row += "<td class='" + cls + "' data-v='" + w + "'>" + fmt(b) + " → " + fmt(c) + (b ? " <small>(" + (change >= 0 ? "+" : "") + num(change * 100, 0) + "%)</small>" : "") + "</td>";
      });
      row += "<td data-v='" + r.shift + "'>" + num(r.shift, 3) + "</td>";
      bb.appendChild(el("tr", r.name === "Total" ? {"class": "total"} : null, row));
    });
    bt.appendChild(bb);
    box.appendChild(el("div", {"class": "scroll"})).appendChild(bt);
    sortable(bt);
  }

  // ---------- capacity ----------
  if (D.capacity) {
    show("capacity");
    var C = D.capacity;
    var cb = $("capacity-body");
    cb.appendChild(el("div", {"class": "kpis"},
      '<div class="kpi"><div class="v">' + int(C.max_stable_users) + ' users</div><div class="l">max stable load</div></div>' +
      '<div class="kpi"><div class="v">' + (C.knee_users ? int(C.knee_users) + " users" : "not seen") + '</div><div class="l">knee</div></div>' +
      '<div class="kpi"><div class="v">' + esc(C.limiting_name || "–") + '</div><div class="l">first to breach</div></div>'));
    cb.appendChild(el("p", null, "<b>Limit:</b> " + esc(C.limit) + (C.generator_saturated ? ' <span class="bad">(the generator was saturated: the limit may be the generator\'s)</span>' : "")));
    cb.appendChild(el("p", null, "<b>Scaling targets:</b> " + C.targets.map(function (x) {
      return '<span class="pill ' + (x.met ? "pass" : "fail") + '">' + esc(x.name) + ": " + int(x.users) + " users " + (x.met ? "met" : "not met") + "</span>";
    }).join(" ")));
    var st = el("table", {"class": "sortable"});
    st.innerHTML = "<thead><tr><th data-col=0>Users</th><th data-col=1>rps</th><th data-col=2>p95 ms</th><th data-col=3>errors</th><th data-col=4>verdict</th><th data-col=5>why</th></tr></thead>";
    var sb = el("tbody");
    C.steps.forEach(function (s) {
      sb.appendChild(el("tr", null, "<td data-v='" + s.users + "'>" + int(s.users) + "</td><td data-v='" + s.rps + "'>" + num(s.rps) + "</td><td data-v='" + s.p95_ms + "'>" +
        num(s.p95_ms) + "</td><td data-v='" + s.error_rate + "'>" + pct(s.error_rate) + "</td><td data-v='" + s.stable + "'><span class='pill " +
        (s.stable ? "pass'>stable" : "fail'>broke") + "</span></td><td style='text-align:left' data-v=''>" + esc(s.breaches.join("; ")) + "</td>"));
    });
    st.appendChild(sb);
    cb.appendChild(st);
    sortable(st);
    chart("chart-capacity", {
      height: 260,
      scales: {x: {time: false}, rps: {}, ms: {}},
      series: [{label: "users"}, {label: "rps", scale: "rps", stroke: "#2f6fde", width: 2, points: {size: 7}},
        {label: "p95 ms", scale: "ms", stroke: "#d64541", width: 2, points: {size: 7}}],
      axes: [{label: "users"}, {scale: "rps", label: "rps"}, {scale: "ms", side: 1, values: ms, size: 70, grid: {show: false}}]
    }, [C.steps.map(function (s) { return s.users; }), C.steps.map(function (s) { return s.rps; }), C.steps.map(function (s) { return s.p95_ms; })]);
  }

  // ---------- scaling targets: the plan's, at the capacity this run measured ----------
  if (S.scalability) {
    show("scalability");
    var SC = S.scalability, cc = SC.current_capacity;
    var sh = "<p id='current-capacity'>Current capacity: " + (cc.at_least ? "at least " : "") + int(cc.max_stable_users) + " users (" + esc(cc.found) + ").</p>";
    sh += '<table id="scaling-table"><thead><tr><th>Target</th><th>Users</th><th>Holds</th><th>Needs</th><th>Projected monthly cost</th></tr></thead><tbody>' +
      Object.keys(SC.targets).map(function (k) { var t = SC.targets[k];
        return "<tr><td>" + esc(k) + "</td><td>" + int(t.users) + "</td><td data-key=holds>" + (t.holds ? "yes" : "no") + "</td><td>" + esc(t.needs) +
          "</td><td data-key=monthly>" + esc(money(t.projected_monthly_brl, "R$")) + "</td></tr>"; }).join("") + "</tbody></table>";
    sh += "<p class='note'>Targets: " + esc(SC.targets_from) + ". " + esc(SC.assumptions) + ".</p>";
    var B = SC.bottlenecks;
    if (B) { // the target's own metrics (--target-metrics): what grew with load
      sh += "<h3>Bottlenecks, from the target's own metrics</h3><p id='bottleneck'>" + esc(B.found) + ".</p>";
      if (B.families) {
        sh += '<table id="bottleneck-table"><thead><tr><th>Target metric</th><th>Kind</th><th>Mean at ' + int(B.low_users) + " users</th><th>At " +
          int(B.high_users) + " users</th><th>Growth</th></tr></thead><tbody>" + Object.keys(B.families).map(function (f) { var x = B.families[f];
            return "<tr><td>" + esc(f) + "</td><td data-key=kind>" + esc(x.kind) + "</td><td>" + num(x.low_ms, 1) + " ms</td><td>" + num(x.high_ms, 1) +
              " ms</td><td>×" + num(x.growth, 1) + "</td></tr>"; }).join("") + "</tbody></table>";
      }
    }
    $("scalability-body").innerHTML = sh;
  }

  // ---------- AI, database ----------
  if (D.ai && D.ai.rows.length) {
    show("ai");
    var fields = D.ai.fields;
    var acols = [["Name", "name"], ["Count", "count", 0], ["p95 ms", "p95"], ["SLA", "sla"]].concat(fields.map(function (f) {
      return f === "cost" ? ["cost / req", f, function (v) { return money(v, "R$"); }] : [f + " / req", f];
    }));
    var arows = D.ai.rows.map(function (r) { var o = {name: r.name, count: r.count, p95: r.p95, sla: sla(r.name)}; fields.forEach(function (f) { o[f] = r.per_request[f]; }); return o; });
    var at = el("table", {id: "ai-table"}); $("ai-body").appendChild(at); renderTable(at, acols, arows, null, slaClass);
    if (D.ai.timings.length) {
      var tt = el("table"); $("ai-body").appendChild(el("h3", null, "Timings (TTFT, inter-token latency…)")); $("ai-body").appendChild(tt);
      renderTable(tt, [["Timing", "name"], ["p50 ms", "p50"], ["p95 ms", "p95"], ["p99 ms", "p99"], ["max ms", "max"]], D.ai.timings, null, null);
    }
    var LB = S.ai && S.ai.load_bands;
    if (LB) { // the spec's performance/cost matrix (9.2), measured per live-users band and model
      var mrows = [];
      Object.keys(LB).forEach(function (b) { Object.keys(LB[b]).forEach(function (m) { var x = LB[b][m];
        mrows.push({band: b, model: m, count: x.count, share: x.share, p95: x.latency_p95_ms, cost: x.cost_per_request_brl, quality: x.quality_mean}); }); });
      var mt = el("table", {id: "load-band-matrix"});
      $("ai-body").appendChild(el("h3", null, "Per load band and model (routing by load): latency, cost and quality, measured"));
      $("ai-body").appendChild(mt);
      renderTable(mt, [["Live users", "band"], ["Model", "model"], ["Count", "count", 0], ["Share", "share", function (v) { return pct(v, 1); }],
        ["p95 ms", "p95"], ["Cost / req", "cost", function (v) { return money(v, "R$"); }], ["Quality", "quality"]], mrows, null, null);
    }
  }
  if (D.db && D.db.length) {
    show("db");
    var dt = el("table", {id: "db-table"}); $("db-body").appendChild(dt);
    renderTable(dt, cols, D.db.map(function (n) { return rowValues(n, S.requests[n]); }), null, slaClass);
    $("db-body").appendChild(el("p", {"class": "note"}, "Each statement is judged by its tier's SLA (the SLA column): the plan's when the run had one, else the spec's (database p95 &lt; 100 ms)."));
  }

  // ---------- the two kinds of cost, apart: what the test cost, what the platform will cost ----------
  function kpi(id, v, l) { return '<div class="kpi" id="' + id + '"><div class="v">' + esc(v) + '</div><div class="l">' + l + "</div></div>"; }
  var T = S.cost && S.cost.testing, P = S.cost && S.cost.production;
  if (T) {
    show("cost");
    var html = '<div class="kpis">' + kpi("test-cost-total", money(T.total_brl, "R$"), "this test's cost (the testing budget)") +
      kpi("test-cost-ai", money(T.ai_brl, "R$"), "AI") +
      kpi("test-cost-instances", money(T.instances.brl, "R$"), esc(T.instances.count + " × " + T.instances.type + " for " + num(T.instances.hours, 3) + " h")) +
      kpi("test-cost-storage", money(T.storage.brl, "R$"), "results storage (" + int(T.storage.bytes) + " bytes)") + "</div>";
    var models = Object.keys(T.ai_by_model_brl);
    if (models.length) {
      html += '<table id="test-cost-models"><thead><tr><th>Model</th><th>AI cost of this test</th></tr></thead><tbody>' + models.map(function (m) {
        return "<tr><td>" + esc(m) + "</td><td data-key=cost>" + esc(money(T.ai_by_model_brl[m], "R$")) + "</td></tr>"; }).join("") + "</tbody></table>";
    }
    if (T.steps.length) {
      html += '<table id="test-cost-steps"><thead><tr><th>At</th><th>Budget step</th><th>Why</th></tr></thead><tbody>' + T.steps.map(function (st) {
        return "<tr><td>" + num(st.elapsed_s, 0) + " s</td><td data-key=step>" + esc(st.step) + "</td><td>" + esc(st.why) + "</td></tr>"; }).join("") + "</tbody></table>";
    }
    html += "<p class='note' id='test-cost-assumptions'>Currency BRL. " + esc(T.assumptions) + ".</p>";
    $("cost-body").innerHTML = html;
  }
  if (P || D.cost) {
    show("production");
    var c = D.cost, cur = c ? c.currency : "R$", ph = "";
    if (P) {
      var r = P.revenue_ratios;
      ph += '<div class="kpis">' + kpi("production-per-user", P.per_user_per_month_brl == null ? "not measured" : money(P.per_user_per_month_brl, "R$"),
          "per user per month (AI " + esc(money(P.ai_per_user_month_brl, "R$")) + " + infrastructure " + esc(money(P.infrastructure_per_user_month_brl, "R$")) + ")") +
        kpi("production-ratios", r.status === "evaluated" ? pct(r.infrastructure_cost_ratio, 1) + " / " + pct(r.ai_cost_ratio, 1) : "not evaluated",
          r.status === "evaluated" ? "infrastructure / AI of revenue (" + esc(money(r.revenue_per_user_month_brl, "R$")) + " a user-month)" : esc(r.status)) + "</div>";
      var js = Object.keys(P.per_successful_interaction);
      ph += '<table id="journeys-table"><thead><tr><th>Journey</th><th>Requests</th><th>Failed</th><th>AI cost, failed included</th><th>Per successful interaction</th></tr></thead><tbody>' +
        js.map(function (j) { var x = P.per_successful_interaction[j];
          return "<tr><td>" + esc(j) + "</td><td>" + int(x.requests) + "</td><td>" + int(x.failed) + "</td><td>" + esc(money(x.cost_brl, "R$")) +
            "</td><td data-key=per_successful>" + esc(money(x.per_successful_interaction_brl, "R$")) + "</td></tr>"; }).join("") + "</tbody></table>";
      ph += "<p class='note' id='production-assumptions'>Currency BRL. " + esc(P.assumptions) + ".</p>";
    }
    if (c) {
      ph += '<div class="kpis">' + kpi("cost-user-hour", money(c.per_user_hour, cur), "per user-hour") +
        kpi("cost-user-hours", num(c.user_hours, 3), "user-hours simulated") +
        kpi("cost-request", money(c.per_request, cur), "per request") +
        kpi("cost-success", money(c.per_successful, cur), "per successful request") + "</div>";
      ph += '<table id="projection-table"><thead><tr><th>Scaling target</th><th>Concurrent users</th><th>Usage</th><th>Infrastructure</th>' +
        "<th>Projected monthly cost</th><th>Per user per month</th></tr></thead><tbody>";
      Object.keys(c.projection).filter(function (k) { return k !== "assumptions"; }).forEach(function (k) {
        var p = c.projection[k];
        ph += "<tr><td>" + esc(p.name || k) + "</td><td>" + int(p.users) + "</td><td>" + esc(money(p.ai, cur)) + "</td><td>" + esc(money(p.infrastructure, cur)) +
          "</td><td data-key=total>" + esc(money(p.total, cur)) + "</td><td>" + esc(money(p.per_user_month, cur)) + "</td></tr>";
      });
      ph += "</tbody></table><p class='note' id='projection-assumptions'>Projection (currency " + esc(cur) + "): " + esc(c.projection.assumptions) + ".</p>";
    }
    $("production-body").innerHTML = ph;
  }

  // ---------- scenarios: a run of several, each with its own load (summary.json "scenarios") ----------
  if (S.scenarios) {
    show("scenarios");
    var scols = [["Scenario", "name"], ["Load", "load"], ["# reqs", "count", 0], ["# fails", "errors", 0], ["Fail %", "error_pct", 2],
      ["req/s", "rps", 1], ["p50", "p50"], ["p95", "p95"], ["p99", "p99"], ["Peak users", "users_peak", 0], ["Dropped", "dropped", 0]];
    var srows = Object.keys(S.scenarios).map(function (n) {
      var x = S.scenarios[n], l = x.latency_ms;
      return {name: n, load: x.load, count: x.count, errors: x.errors, error_pct: x.error_rate * 100, rps: x.rps, p50: l.p50, p95: l.p95,
        p99: l.p99, users_peak: x.users_peak == null ? "–" : x.users_peak, dropped: x.dropped_iterations == null ? "–" : x.dropped_iterations};
    });
    var st = el("table", {id: "scenarios-table", "class": "sortable"}); $("scenarios-body").appendChild(st);
    renderTable(st, scols, srows, null, function (k, v) { return k === "errors" && v.errors > 0 ? "bad" : null; });
  }

  // ---------- generator ----------
  var G = S.generator || {};
  $("generator-body").innerHTML = '<div class="kpis">' +
    '<div class="kpi"><div class="v">' + pct(G.cpu_peak || 0, 0) + '</div><div class="l">CPU peak</div></div>' +
    '<div class="kpi"><div class="v">' + num(G.lag_p99_ms || 0) + ' ms</div><div class="l">scheduling lag p99</div></div>' +
    '<div class="kpi"><div class="v">' + int(G.gc_pause_ms || 0) + ' ms</div><div class="l">GC pauses</div></div>' +
    '<div class="kpi"><div class="v">' + num(G.heap_peak_mb || 0, 0) + ' MB</div><div class="l">heap peak</div></div>' +
    '<div class="kpi"><div class="v">' + int(S.dropped_iterations || 0) + '</div><div class="l">dropped iterations</div></div>' +
    '<div class="kpi"><div class="v">' + (G.saturated ? '<span class="bad">saturated</span>' : '<span class="good">healthy</span>') + '</div><div class="l">verdict</div></div></div>' +
    '<p class="note">Charts: ' + D.meta.points + " points, one per " + D.meta.bucket_s + " s (percentiles exact per interval, averaged when a point spans several); tables: whole-run histograms, exact.</p>";

  // ---------- sections kept in files of their own (report-shadow.js), given the page's data and helpers ----------
  // a section that fails is left out with a note, and the rest of the page still works
  (window.cargaSections || []).forEach(function (render) {
    try {
      render({D: D, $: $, el: el, esc: esc, show: show, num: num, int: int, pct: pct, chart: chart, ms: ms, renderTable: renderTable, PALETTE: PALETTE});
    } catch (e) {
      document.querySelector("main").appendChild(el("p", {"class": "warnbox"}, "A report section could not be drawn: " + esc(e.message)));
    }
  });

  // ---------- table of contents ----------
  document.querySelectorAll("main > section.card h2").forEach(function (h) {
    var sec = h.parentNode;
    if (sec.classList.contains("hidden") || !sec.id) { return; }
    var a = el("a", {href: "#" + sec.id}); a.textContent = h.childNodes[0].textContent.trim(); $("toc").appendChild(a);
  });
  document.body.setAttribute("data-ready", "true");
})();
