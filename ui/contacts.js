// The people and services of a safety plan as phone links: "Call Sam", "Text Sam".
//
// A person's words (names) only go in through textContent; a link's href is built by
// the server from digits alone ("tel:+61400123456"). Nothing here makes a request.

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

export default function (component) {
  const { data, parentElement } = component;
  const root = parentElement.querySelector(".ss-contacts");
  if (!root || !data) return;
  const items = [];
  for (const person of data.items) {
    const row = el("li", { class: "ss-contact" });
    row.appendChild(el("span", { class: "ss-contact-name" }, person.name));
    for (const action of person.links) {
      row.appendChild(el("a", { class: "ss-contact-link", href: action.href }, action.label));
    }
    items.push(row);
  }
  root.setAttribute("aria-label", data.label);
  root.replaceChildren(...items);
}
