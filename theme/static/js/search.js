// Search page: Pagefind's JavaScript API with our own accessible UI.
// The query and the chosen filters live in the URL (/suche/?q=Kita&thema=KI), so every
// search can be linked. No inline scripts: everything the page says comes from data-*.

const PAGE_SIZE = 10;

const root = document.querySelector("[data-search]");
const form = root.querySelector("[data-search-form]");
const input = form.elements.q;
const status = root.querySelector("[data-search-status]");
const results = root.querySelector("[data-search-results]");
const more = root.querySelector("[data-search-more]");
const filterBox = root.querySelector("[data-search-filters]");
const facetsBox = root.querySelector("[data-search-facets]");
const facets = root.dataset.facets.split(" ");
const text = (name) => root.dataset[`text${name}`];

let pagefind;
let available = {};
let found = [];
let shown = 0;

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
}

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function renderFacet(name, counts) {
  const values = Object.keys(counts).sort((a, b) =>
    name === "jahr" ? b.localeCompare(a) : a.localeCompare(b, "de"));
  const options = values.map((value, index) => {
    const id = `filter-${name}-${index}`;
    const box = element("input", { type: "checkbox", id, name, value });
    const count = element("span", { class: "search__count", "data-facet": name, "data-value": value },
      [` (${counts[value]})`]);
    return element("div", { class: "search__option" }, [box, element("label", { for: id }, [value, count])]);
  });
  const legend = element("legend", {}, [root.dataset[`label${name[0].toUpperCase()}${name.slice(1)}`]]);
  return element("fieldset", { class: "search__facet" }, [legend, ...options]);
}

function renderFilters(available) {
  const present = facets.filter((name) => Object.keys(available[name] ?? {}).length);
  facetsBox.replaceChildren(...present.map((name) => renderFacet(name, available[name])));
  filterBox.hidden = present.length === 0;
}

// Counts next to each option: how many results it would give with the current search.
function updateCounts(counts) {
  for (const span of facetsBox.querySelectorAll(".search__count")) {
    span.textContent = ` (${counts[span.dataset.facet]?.[span.dataset.value] ?? 0})`;
  }
}

function chosenFilters() {
  const filters = {};
  for (const name of facets) {
    const values = [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((b) => b.value);
    if (values.length) filters[name] = { any: values };
  }
  return filters;
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  for (const box of form.querySelectorAll("input[type=checkbox]")) {
    box.checked = params.getAll(box.name).includes(box.value);
  }
}

function writeUrl() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const box of form.querySelectorAll("input[type=checkbox]:checked")) params.append(box.name, box.value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function describe(count, query, filtered) {
  const values = { n: count.toLocaleString("de-DE"),
    query: (query ? fill(text("For"), { q: query }) : "") + (filtered ? text("Filtered") : "") };
  if (count === 0) return fill(text("None"), values);
  return fill(count === 1 ? text("CountOne") : text("CountMany"), values);
}

// Pagefind's excerpt is HTML (the page text with <mark> around the matches). Whatever it
// holds, only text and plain <mark> elements reach the page: the HTML is parsed inertly (a
// DOMParser document runs no script and loads nothing) and rebuilt from its text.
function excerptNodes(html) {
  return textAndMarks(new DOMParser().parseFromString(String(html ?? ""), "text/html").body);
}

function textAndMarks(parent) {
  return [...parent.childNodes].flatMap((node) => {
    if (node.nodeType === Node.TEXT_NODE) return [node.data];
    if (node.nodeName === "MARK") return [element("mark", {}, [node.textContent])];
    return node.nodeType === Node.ELEMENT_NODE ? textAndMarks(node) : [];
  });
}

// A result links only to a page of this site (http or https, same origin).
function sameSiteUrl(url) {
  try {
    const target = new URL(url, location.href);
    return target.origin === location.origin ? target.href : null;
  } catch {
    return null;
  }
}

// Pagefind's sub-results are the parts of a page between headings with an id that hold
// matches. In a PDF's text version each PDF page has one ("Seite 3", #seite-3): the part
// with the best matches (their scores added up) is where a hit leads. null: no sub-result.
function bestSubResult(data) {
  let best = null;
  let bestScore = 0;
  for (const sub of data.sub_results ?? []) {
    const score = (sub.weighted_locations ?? []).reduce((sum, l) => sum + (l.balanced_score ?? 0), 0);
    if (score > bestScore) [best, bestScore] = [sub, score];
  }
  return best;
}

// What a result shows: a page with its type and date, a PDF's text version (meta
// "zugehoerig": the items it belongs to) at the PDF page of the best matches, with the
// excerpt from there and which items it belongs to.
function resultParts(data) {
  const page = { url: data.url, excerpt: data.excerpt,
    meta: [data.meta?.art, data.meta?.datum].filter(Boolean).join(" · ") };
  if (!data.meta?.zugehoerig) return page;
  const sub = bestSubResult(data);
  const where = sub?.anchor ? sub.title : "";
  return { url: sub?.url ?? data.url, excerpt: sub?.excerpt ?? data.excerpt,
    meta: [fill(text("DocumentOf"), { title: data.meta.zugehoerig }), where].filter(Boolean).join(" · ") };
}

function resultItem(data) {
  const title = String(data.meta?.title ?? "");
  const parts = resultParts(data);
  const href = sameSiteUrl(parts.url);
  const heading = href ? element("a", { href }, [title]) : title;
  const meta = element("p", { class: "search__meta" }, [String(parts.meta)]);
  const excerpt = element("p", { class: "search__excerpt" }, excerptNodes(parts.excerpt));
  return element("li", { class: "search__result" },
    [element("h2", { class: "search__title" }, [heading]), meta, excerpt]);
}

async function showMore() {
  const next = found.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(next.map((result) => result.data()));
  results.append(...data.map(resultItem));
  shown += next.length;
  more.hidden = shown >= found.length;
}

async function search() {
  root.setAttribute("aria-busy", "true");
  try {
    await runSearch();
  } finally {
    root.setAttribute("aria-busy", "false");
  }
}

async function runSearch() {
  const query = input.value.trim();
  const filters = chosenFilters();
  const filtered = Object.keys(filters).length > 0;
  results.replaceChildren();
  more.hidden = true;
  if (!query && !filtered) {
    updateCounts(available);
    status.textContent = text("Prompt");
    return;
  }
  status.textContent = text("Loading");
  const response = await pagefind.search(query || null, { filters, sort: query ? undefined : { datum: "desc" } });
  if (!response) return; // superseded by a newer search
  found = response.results;
  shown = 0;
  updateCounts(response.filters);
  await showMore();
  status.textContent = describe(found.length, query, filtered);
}

async function start() {
  root.setAttribute("aria-busy", "true");
  root.querySelector("[data-search-fallback]").hidden = true;
  try {
    pagefind = await import(root.dataset.pagefind);
    await pagefind.options({ excerptLength: 30 });
    available = await pagefind.filters();
    renderFilters(available);
  } catch (error) {
    status.textContent = text("Error");
    throw error;
  }
  readUrl();
  form.addEventListener("submit", (event) => { event.preventDefault(); writeUrl(); search(); });
  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox") { writeUrl(); search(); }
  });
  root.querySelector("[data-search-reset]").addEventListener("click", () => {
    for (const box of form.querySelectorAll("input[type=checkbox]")) box.checked = false;
    writeUrl();
    search();
  });
  more.addEventListener("click", showMore);
  await search();
}

start();
