/* Decisions on the report page: accept, reject or edit each finding, edit English rows.
 *
 * Two stores keep the decisions in the decisions-file format (aligner/review/decisions.py):
 * "server" (aligner review: every change is POSTed to the local server, which saves the
 * file at once) and "static" (a report opened from disk: localStorage, plus Export).
 * Keys: a / r / e accept, reject, edit the current finding (j / k move), u undoes.
 */
(function () {
  "use strict";
  var body = document.body;
  var mode = body.getAttribute("data-review") || "static";
  var report = window.alignerReport;
  var bar = document.getElementById("review-bar");
  var notes = Array.prototype.slice.call(document.querySelectorAll("li.note[data-key]"));
  var cells = Array.prototype.slice.call(document.querySelectorAll("td.en[data-start]"));
  var byKey = {};
  notes.forEach(function (note) { byKey[note.getAttribute("data-key")] = note; });
  var state = { format: "aligner-decisions", version: 1, findings: [], edits: [] };
  var storageKey = "aligner-decisions:" + location.pathname;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(label, className, action, title) {
    var node = el("button", "act " + className, label);
    node.type = "button";
    if (title) node.title = title;
    node.addEventListener("click", function (event) { event.stopPropagation(); action(); });
    return node;
  }

  /* ---- the store ---- */
  var status = el("span", "save-status");

  function setStatus(text, bad) {
    status.textContent = text;
    status.classList.toggle("bad", !!bad);
  }

  function post(route, payload) {
    setStatus("Saving…");
    return fetch("api/" + route, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload), credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(data.error || response.statusText);
        return data;
      });
    }).catch(function (error) {
      setStatus("Not saved: " + error.message, true);
      throw error;
    });
  }

  function entryKey(entry) {
    return entry.fingerprint + ":" + entry.start + ":" + entry.end;
  }

  function editKey(entry) {
    return entry.path + ":" + entry.start + ":" + entry.end;
  }

  function store(route, entry) {
    if (mode === "server") {
      return post(route, entry).then(function (data) { state = data; setStatus("Saved"); });
    }
    var list = route === "edit" ? state.edits : state.findings;
    var keyOf = route === "edit" ? editKey : entryKey;
    var kept = list.filter(function (other) { return keyOf(other) !== keyOf(entry); });
    kept.push(entry);
    if (route === "edit") state.edits = kept; else state.findings = kept;
    return keepLocal();
  }

  function forget(key) {
    if (mode === "server") {
      return post("undo", { key: key }).then(function (data) { state = data; setStatus("Saved"); });
    }
    state.findings = state.findings.filter(function (e) { return entryKey(e) !== key; });
    state.edits = state.edits.filter(function (e) { return editKey(e) !== key; });
    return keepLocal();
  }

  function keepLocal() {
    try {
      localStorage.setItem(storageKey, JSON.stringify(state));
      setStatus("Kept in this browser");
    } catch (error) {
      setStatus("Not kept: " + error.message, true);
    }
    return Promise.resolve();
  }

  function load() {
    if (mode === "server") {
      return fetch("api/state", { credentials: "same-origin" }).then(function (r) { return r.json(); })
        .then(function (data) { state = data.decisions; setStatus("Saved to " + data.file); });
    }
    try {
      var saved = JSON.parse(localStorage.getItem(storageKey) || "null");
      if (saved && saved.format === "aligner-decisions") state = saved;
    } catch (error) { /* nothing kept yet */ }
    return Promise.resolve();
  }

  /* ---- findings ---- */
  function entryFor(note, decision, replacement, reason) {
    var entry = {
      fingerprint: note.getAttribute("data-fp"), rule: note.getAttribute("data-rule"),
      path: note.getAttribute("data-path"), start: +note.getAttribute("data-start"),
      end: +note.getAttribute("data-end"), line: +note.getAttribute("data-line"),
      column: +note.getAttribute("data-column"), text: note.getAttribute("data-text"), decision: decision
    };
    if (replacement !== undefined && replacement !== null) entry.replacement = replacement;
    if (reason) entry.reason = reason;
    return entry;
  }

  function canAccept(note) { return note.hasAttribute("data-fix") && note.hasAttribute("data-editable"); }
  function canEdit(note) { return note.hasAttribute("data-editable"); }

  function decide(note, decision, replacement, reason) {
    return store("decision", entryFor(note, decision, replacement, reason)).then(function () {
      render();
      if (note.classList.contains("current")) advance();
    });
  }

  function advance() {
    /* To the next finding still to decide (the next one when every finding is decided). */
    if (!report) return;
    var left = notes.filter(function (n) { return !n.hidden && !decisionOf(n); }).length;
    for (var i = 0; i < notes.length; i++) {
      report.step(1);
      var now = document.querySelector("li.note.current[data-key]");
      if (!left || !now || !decisionOf(now)) return;
    }
  }

  function accept(note) {
    if (canAccept(note)) decide(note, "accept", note.getAttribute("data-fix"));
    else flash(note, "Nothing to accept here: edit or reject it.");
  }

  function flash(note, text) {
    var box = note.querySelector(".act-row");
    var hint = el("span", "hint", text);
    box.appendChild(hint);
    setTimeout(function () { hint.remove(); }, 2500);
  }

  function ask(note, label, value, placeholder, done) {
    var row = note.querySelector(".act-row");
    var form = el("span", "ask");
    var input = el("input");
    input.type = "text";
    input.value = value;
    input.placeholder = placeholder;
    input.setAttribute("aria-label", label);
    form.appendChild(input);
    form.appendChild(button(label, "primary", submit));
    form.appendChild(button("Cancel", "quiet", close));
    function close() { form.remove(); row.classList.remove("asking"); note.focus({ preventScroll: true }); }
    function submit() { var value = input.value; close(); done(value); }
    input.addEventListener("keydown", function (event) {
      event.stopPropagation();
      if (event.key === "Enter") { event.preventDefault(); submit(); }
      else if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    row.classList.add("asking");
    row.appendChild(form);
    input.focus();
    input.select();
  }

  function reject(note) {
    if (note.querySelector(".ask")) return;
    ask(note, "Reject", "", "Why is this a false alarm? (optional)", function (reason) {
      decide(note, "reject", null, reason.trim());
    });
  }

  function edit(note) {
    if (!canEdit(note) || note.querySelector(".ask")) {
      if (!canEdit(note)) flash(note, "Only flagged English text can be edited; use the row's Edit button.");
      return;
    }
    var current = decisionOf(note);
    var start = current && current.replacement !== undefined ? current.replacement
      : (note.getAttribute("data-fix") !== null ? note.getAttribute("data-fix") : note.getAttribute("data-text"));
    ask(note, "Save", start, "Your rendering", function (text) { decide(note, "edit", text); });
  }

  function decisionOf(note) {
    return index(state.findings, entryKey)[note.getAttribute("data-key")] || null;
  }

  var indexes = [];  // [list, key -> entry] for state.findings and state.edits as they are now

  function index(list, keyOf) {
    for (var i = 0; i < indexes.length; i++) {
      if (indexes[i][0] === list) return indexes[i][1];
    }
    var map = {};
    list.forEach(function (entry) { map[keyOf(entry)] = entry; });
    indexes = indexes.slice(-1).concat([[list, map]]);
    return map;
  }

  function addButtons(note) {
    var row = el("div", "act-row");
    row.appendChild(el("span", "verdict"));
    if (canAccept(note)) {
      row.appendChild(button("Accept", "accept", function () { accept(note); },
        "Apply the suggestion (a): " + note.getAttribute("data-fix")));
    }
    row.appendChild(button("Reject", "reject", function () { reject(note); }, "A false alarm (r)"));
    if (canEdit(note)) row.appendChild(button("Edit", "edit", function () { edit(note); }, "Type the rendering (e)"));
    row.appendChild(button("Undo", "undo", function () { forget(note.getAttribute("data-key")).then(render); },
      "Forget this decision (u)"));
    note.appendChild(row);
  }

  /* ---- free edits of English rows ---- */
  function editOf(cell) {
    var key = editKey({ path: cell.getAttribute("data-path"), start: cell.getAttribute("data-start"),
                        end: cell.getAttribute("data-end") });
    return index(state.edits, editKey)[key] || null;
  }

  function withDecisions(cell) {
    /* The row's text with the accepted and edited findings inside it applied (code points). */
    var start = +cell.getAttribute("data-start");
    var chars = Array.from(cell.querySelector(".orig").textContent);
    var inside = state.findings.filter(function (d) {
      return d.decision !== "reject" && d.replacement !== undefined && d.path === cell.getAttribute("data-path")
        && d.start >= start && d.end <= start + chars.length;
    }).sort(function (a, b) { return b.start - a.start; });
    var last = Infinity;
    inside.forEach(function (d) {
      if (d.end > last) return;
      chars.splice(d.start - start, d.end - d.start, d.replacement);
      last = d.start;
    });
    return chars.join("");
  }

  function openRowEditor(cell) {
    if (cell.querySelector("textarea")) return;
    var box = el("div", "row-editor");
    var area = el("textarea");
    var saved = editOf(cell);
    area.value = saved ? saved.after : withDecisions(cell);
    area.rows = Math.max(2, Math.ceil(area.value.length / 70));
    area.setAttribute("aria-label", "English text of this row");
    box.appendChild(area);
    var tools = el("div", "row-tools");
    tools.appendChild(button("Save", "primary", save));
    tools.appendChild(button("Cancel", "quiet", close));
    tools.appendChild(el("span", "hint", "Ctrl+Enter saves, Esc cancels. Your text replaces the whole row."));
    box.appendChild(tools);
    cell.appendChild(box);
    area.focus();
    function close() { box.remove(); }
    function save() {
      var entry = { path: cell.getAttribute("data-path"), start: +cell.getAttribute("data-start"),
                    end: +cell.getAttribute("data-end"), before: cell.querySelector(".orig").textContent,
                    after: area.value };
      store("edit", entry).then(function () { close(); render(); });
    }
    area.addEventListener("keydown", function (event) {
      event.stopPropagation();
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); save(); }
      else if (event.key === "Escape") { event.preventDefault(); close(); }
    });
  }

  function prepareCell(cell) {
    var orig = el("span", "orig");
    while (cell.firstChild) orig.appendChild(cell.firstChild);
    cell.appendChild(orig);
    var shown = el("span", "typed");
    shown.hidden = true;
    cell.appendChild(shown);
    var tools = el("span", "cell-tools");
    tools.appendChild(button("Edit row", "edit-row", function () { openRowEditor(cell); },
      "Type your own English for this row"));
    tools.appendChild(button("Undo edit", "undo-row", function () {
      var saved = editOf(cell);
      if (saved) forget(editKey(saved)).then(render);
    }));
    cell.appendChild(tools);
    cell.addEventListener("dblclick", function (event) {
      if (!event.target.closest(".row-editor")) openRowEditor(cell);
    });
  }

  /* ---- showing the state ---- */
  var progress = el("span", "progress");

  function render() {
    var decided = 0;
    notes.forEach(function (note) {
      var d = decisionOf(note);
      var verdict = note.querySelector(".verdict");
      note.classList.remove("dec-accept", "dec-reject", "dec-edit");
      verdict.textContent = "";
      if (d) {
        decided++;
        note.classList.add("dec-" + d.decision);
        verdict.textContent = d.decision === "reject" ? "Rejected" + (d.reason ? ": " + d.reason : "")
          : (d.decision === "accept" ? "Accepted: " : "Edited: ") + "“" + d.text + "” → “" + d.replacement + "”";
      }
      markFinding(note.getAttribute("data-id"), d);
    });
    cells.forEach(function (cell) {
      var saved = editOf(cell);
      var typed = cell.querySelector(".typed");
      cell.classList.toggle("edited", !!saved);
      cell.querySelector(".orig").hidden = !!saved;
      typed.hidden = !saved;
      typed.textContent = saved ? saved.after : "";
    });
    progress.textContent = decided + " of " + notes.length + " findings decided"
      + (state.edits.length ? ", " + state.edits.length + " row" + (state.edits.length === 1 ? "" : "s") + " edited" : "");
  }

  var marksOf = {};  // finding id -> its highlighted pieces, in document order
  Array.prototype.forEach.call(document.querySelectorAll("mark.hl"), function (mark) {
    (mark.getAttribute("data-ids") || "").split(" ").forEach(function (id) {
      (marksOf[id] = marksOf[id] || []).push(mark);
    });
  });

  function markFinding(id, d) {
    var marks = marksOf[id] || [];
    marks.forEach(function (mark) {
      mark.classList.toggle("dec-done", !!d && d.decision !== "reject");
      mark.classList.toggle("dec-rejected", !!d && d.decision === "reject");
    });
    var old = document.querySelectorAll('ins.repl[data-for="' + id + '"]');
    Array.prototype.forEach.call(old, function (node) { node.remove(); });
    if (d && d.decision !== "reject" && marks.length) {
      var ins = el("ins", "repl", d.replacement);
      ins.setAttribute("data-for", id);
      var last = marks[marks.length - 1];
      last.parentNode.insertBefore(ins, last.nextSibling);
    }
  }

  /* ---- the bar: progress, saving, Finish / Export ---- */
  function finish() {
    var done = document.getElementById("finish-result");
    post("finish", {}).then(function (data) {
      setStatus("Finished");
      done.textContent = "";
      done.appendChild(el("h2", "", "Corrected files written"));
      var list = el("ul");
      data.files.forEach(function (file) {
        var item = el("li");
        item.appendChild(el("code", "", file.corrected));
        item.appendChild(document.createTextNode(" — " + file.applied + " edit" + (file.applied === 1 ? "" : "s")
          + (file.conflicts ? ", " + file.conflicts + " in conflict (not applied)" : "")
          + (file.stale ? ", " + file.stale + " stale decision(s) not applied" : "")
          + "; diff " + file.diff + ", changelog " + file.changelog));
        list.appendChild(item);
      });
      done.appendChild(list);
      done.appendChild(el("p", "", "The review server has stopped. Your decisions stay in " + data.decisions
        + "; run aligner review again to change them."));
      done.hidden = false;
      body.setAttribute("data-finished", "1");
      bar.querySelector("button.finish").disabled = true;
      window.scrollTo(0, 0);
    }, function () {});
  }

  function exportDecisions() {
    var blob = new Blob([JSON.stringify(state, null, 1) + "\n"], { type: "application/json" });
    var link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = "decisions.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setStatus("Exported decisions.json: apply it with aligner fix --decisions");
  }

  function buildBar() {
    if (!bar) return;
    bar.appendChild(progress);
    bar.appendChild(status);
    if (mode === "server") {
      bar.appendChild(button("Finish", "primary finish", finish, "Write the corrected transcript, its diff and changelog"));
    } else {
      bar.appendChild(button("Export decisions", "primary export", exportDecisions,
        "Download the decisions file for aligner fix --decisions / aligner check --baseline"));
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea") return;
    var note = document.querySelector("li.note.current[data-key]");
    if (!note) return;
    var actions = { a: accept, r: reject, e: edit,
                    u: function (n) { forget(n.getAttribute("data-key")).then(render); } };
    if (actions[event.key]) { event.preventDefault(); actions[event.key](note); }
  });

  notes.forEach(addButtons);
  cells.forEach(prepareCell);
  buildBar();
  load().then(render, function (error) { setStatus("Could not load decisions: " + error.message, true); })
    .then(function () { body.setAttribute("data-review-ready", "1"); });
}());
