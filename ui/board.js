// Today's board: every active goal's card (its words, this week's progress, a one-click
// check-in) and the latest wins, drawn as one Streamlit element (components v2).
//
// Rules this file keeps:
// - A person's words only ever go in through textContent, never as markup, and never
//   into an attribute that loads anything. Nothing here makes a network request.
// - Native elements carry the meaning: buttons with aria-pressed in a labelled group,
//   a progressbar with its words, headings, a polite live region for "Saved".
// - A re-draw keeps keyboard focus where it was.

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function card(c, data, send) {
  const section = el("section", { class: "ss-card", "aria-labelledby": `ss-goal-${c.id}` });
  const words = el("p", { class: "ss-goal", id: `ss-goal-${c.id}`, "data-testid": "ss-goal" }, c.text);
  section.appendChild(words);
  if (c.when) section.appendChild(el("p", { class: "ss-when" }, c.when));
  const percent = Math.round(c.fraction * 100);
  const bar = el("div", {
    class: "ss-bar", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100",
    "aria-valuenow": String(percent), "aria-valuetext": c.progress,
    "aria-labelledby": `ss-progress-${c.id}`,
  });
  const fill = el("div", { class: "ss-fill" });
  fill.style.width = `${percent}%`;
  bar.appendChild(fill);
  section.appendChild(bar);
  section.appendChild(el("p", { class: "ss-progress", id: `ss-progress-${c.id}` }, c.progress));
  if (c.flash) section.appendChild(el("p", { class: "ss-flash" }, `✓ ${c.flash}`));
  if (c.problem) section.appendChild(el("p", { class: "ss-problem", role: "alert" }, c.problem));
  const question = el("p", { class: "ss-question", id: `ss-q-${c.id}` }, data.question);
  section.appendChild(question);
  const group = el("div", {
    class: "ss-options", role: "group", "aria-labelledby": `ss-q-${c.id} ss-goal-${c.id}`,
  });
  for (const option of data.options) {
    const pressed = c.saved === option.value;
    const button = el("button", {
      type: "button", class: "ss-option", "aria-pressed": String(pressed),
      "data-focus": `${c.id}:${option.value}`,
    });
    button.appendChild(el("span", { class: "ss-mark", "aria-hidden": "true" }, pressed ? "✓" : ""));
    button.appendChild(document.createTextNode(option.label));
    button.addEventListener("click", () => {
      if (pressed) return; // already saved: nothing to change
      for (const other of group.querySelectorAll("button")) other.setAttribute("aria-pressed", "false");
      button.setAttribute("aria-pressed", "true");
      send("choice", { goal: c.id, status: option.value });
    });
    group.appendChild(button);
  }
  section.appendChild(group);
  if (c.tough) {
    section.appendChild(pageLink(data.tough, `${c.id}:tough`, send));
  }
  return section;
}

// A link to another page of the app. A plain click stays in this session (a new page
// load would start a new one): the board asks Streamlit to switch pages instead.
function pageLink(target, focusKey, send) {
  const link = el("a", { class: "ss-link", href: target.page, "data-focus": focusKey }, target.label);
  link.addEventListener("click", (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    send("open", target.page);
  });
  return link;
}

function wins(w, send) {
  const part = el("section", { class: "ss-wins", "aria-labelledby": "ss-wins-heading" });
  part.appendChild(el("h2", { id: "ss-wins-heading" }, w.heading));
  if (!w.items.length) {
    part.appendChild(el("p", {}, w.empty));
    return part;
  }
  const list = el("ul", { class: "ss-win-list" });
  for (const item of w.items) {
    const row = el("li", { class: "ss-win" });
    row.appendChild(el("strong", {}, item.title));
    row.appendChild(document.createTextNode(` · ${item.day}`));
    if (item.text) row.appendChild(el("span", { class: "ss-win-text" }, item.text));
    list.appendChild(row);
  }
  part.appendChild(list);
  part.appendChild(pageLink(w.more, "wins:more", send));
  return part;
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const root = parentElement.querySelector(".ss-board");
  const live = parentElement.querySelector(".ss-live");
  if (!root || !data) return;
  const owner = root.getRootNode();
  const focused = owner.activeElement && owner.activeElement.getAttribute
    ? owner.activeElement.getAttribute("data-focus") : null;
  const send = (event, value) => setTriggerValue(event, value);
  const parts = [el("p", { class: "ss-date" }, data.date)];
  for (const c of data.cards) parts.push(card(c, data, send));
  parts.push(wins(data.wins, send));
  root.replaceChildren(...parts);
  if (live) live.textContent = data.cards.map((c) => c.flash || "").filter(Boolean).join(" ");
  if (focused) {
    const again = root.querySelector(`[data-focus="${CSS.escape(focused)}"]`);
    if (again) again.focus();
  }
}
