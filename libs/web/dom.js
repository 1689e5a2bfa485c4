// The DOM helper both pages are built with: the office's page (supervision, /assets/dom.js) and the phone app
// (gateway, /m/dom.js). Neither page loads the other's files — services meet only through REST — so each build
// copies this one file beside its own (services/supervision/pom.xml, services/gateway/pom.xml).

/** Creates an element; attributes starting with "on" are listeners; children may be strings, nodes or arrays. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

// Nothing, false and '' add nothing, so a view can write `cond && child`.
function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false || child === '') continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : String(child));
  }
}
