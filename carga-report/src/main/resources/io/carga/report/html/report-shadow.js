// The shadow section: shadow.json's endpoints, the example diffs side by side, and a latency comparison chart.
// report.js calls it with the page's data and helpers, before it builds the table of contents.
(window.cargaSections = window.cargaSections || []).push(function (r) {
  "use strict";
  var X = r.D.shadow;
  if (!X) { return; }
  r.show("shadow");
  var $ = r.$, el = r.el, esc = r.esc, num = r.num;
  var t = X.totals;
  var body = $("shadow-body");
  body.appendChild(el("p", {id: "shadow-verdict"}, esc(r.int(t.requests)) + " requests answered by the primary (" + esc(X.primary) + "); " +
    esc(r.int(t.mirrored)) + " compared with the candidate (" + esc(X.candidate) + ")" + (X.secondary ? ", noise learned from the secondary (" + esc(X.secondary) + ")" : "") +
    "; " + esc(r.int(t.dropped)) + " dropped; " + esc(r.int(t.diffs)) + " with differences (" + r.pct(t.diff_rate, 3) + "). Sample: " +
    r.pct(X.share, 1) + " of " + esc((X.methods || []).join(", ")) + (X.key ? ", by " + esc(X.key) : ", at random") + "."));
  function fields(a) { return a && a.length ? a.join(", ") : "–"; } // cells are text: renderTable escapes nothing, sets textContent
  function ci(e) { var c = e.p99_delta_ci_ms; return num(c[0], 1) + " … " + num(c[1], 1); }
  var cols = [["Endpoint", "endpoint"], ["Requests", "requests", 0], ["Compared", "mirrored", 0], ["Dropped", "dropped", 0], ["Diffs", "diffs", 0],
    ["Diff rate", "rate"], ["Differing fields", "diff"], ["Noise", "noise"], ["p50 primary → candidate", "p50"], ["p99 primary → candidate", "p99"],
    ["p99 delta ms (95% CI)", "ci"]];
  var rows = X.endpoints.map(function (e) {
    return {name: e.endpoint, endpoint: e.endpoint, requests: e.requests, mirrored: e.mirrored, dropped: e.dropped, diffs: e.diffs,
      rate: r.pct(e.diff_rate, 2), diff: fields(e.diff_fields), noise: fields(e.noise_fields),
      p50: num(e.primary_ms.p50, 1) + " → " + num(e.candidate_ms.p50, 1), p99: num(e.primary_ms.p99, 1) + " → " + num(e.candidate_ms.p99, 1),
      ci: num(e.delta_ms.p99, 1) + " (" + ci(e) + ")"};
  });
  var table = el("table", {id: "shadow-table", "class": "sortable"});
  var wrap = el("div", {"class": "scroll"}); wrap.appendChild(table); body.appendChild(wrap);
  r.renderTable(table, cols, rows, null, function (k, v) { return (k === "diffs" || k === "rate" || k === "diff") && v.diffs > 0 ? "bad" : null; });
  if (X.verdicts && X.verdicts.length) {
    var ul = el("ul", {id: "shadow-verdicts"});
    X.verdicts.forEach(function (v) {
      ul.appendChild(el("li", null, '<span class="pill ' + (v.verdict === "failed" ? "fail" : v.verdict === "passed" ? "pass" : "skip") + '">' +
        esc(v.verdict) + "</span> " + esc(v.message)));
    });
    body.appendChild(el("h3", null, "Plan limits")); body.appendChild(ul);
  }

  // latency comparison: both sides' percentile curves for one endpoint
  var pick = $("shadow-pick");
  var measured = X.endpoints.filter(function (e) { return e.mirrored > 0; });
  measured.forEach(function (e) { pick.appendChild(el("option", {value: e.endpoint}, esc(e.endpoint))); });
  var slowest = measured.slice().sort(function (a, b) { return b.delta_ms.p99 - a.delta_ms.p99; })[0];
  if (slowest) { pick.value = slowest.endpoint; }
  var drawn = null;
  function draw() {
    var e = measured.filter(function (x) { return x.endpoint === pick.value; })[0];
    if (!e) { return; }
    if (drawn) { drawn.destroy(); $("chart-shadow").innerHTML = ""; }
    var d = e.distribution_ms;
    drawn = r.chart("chart-shadow", {
      scales: {x: {time: false}},
      series: [{label: "percentile", value: function (u, v) { return v == null ? "" : "p" + v; }},
        {label: "primary", stroke: r.PALETTE[0], width: 2, points: {show: true}},
        {label: "candidate", stroke: r.PALETTE[1], width: 2, points: {show: true}}],
      axes: [{label: "percentile", values: function (u, vals) { return vals.map(function (v) { return "p" + v; }); }}, {values: r.ms, size: 70}]
    }, [d.percentiles, d.primary, d.candidate]);
  }
  pick.addEventListener("change", draw);
  draw();

  // example diffs, primary and candidate side by side, the differing fields' names marked
  var ex = $("shadow-examples");
  if (X.examples && X.examples.length) {
    ex.appendChild(el("h3", null, "Example diffs <small class='note'>masked: secrets and configured fields</small>"));
    X.examples.forEach(function (x, i) {
      var names = (x.fields || []).map(function (f) { return f.replace(/^\$\./, "").split(/[.\[]/).pop(); });
      function mark(text) {
        var h = esc(text);
        names.forEach(function (n) { if (n && n !== "*]") { h = h.split("&quot;" + esc(n) + "&quot;").join("<mark>&quot;" + esc(n) + "&quot;</mark>"); } });
        return h;
      }
      function side(label, s) { return "<div><h4>" + label + " · " + s.status + " · " + num(s.ms, 1) + " ms</h4><pre>" + mark(s.body) + "</pre></div>"; }
      ex.appendChild(el("p", {"class": "note"}, "<b>" + esc(x.method + " " + x.target) + "</b> (" + esc(x.endpoint) + "): " + (x.fields || []).map(esc).join(", ")));
      ex.appendChild(el("div", {"class": "sides", id: "shadow-example-" + i}, side("primary", x.primary) + side("candidate", x.candidate)));
    });
  }
});
