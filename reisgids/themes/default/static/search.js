// Search page (/zoeken/): a small, accessible UI on Pagefind's JavaScript API.
// The page works without this script (it then offers the overviews); with it, the form
// searches in place, facets narrow the results, and the URL keeps the state (?q=&soort=).
// No inline scripts or styles (the site's CSP forbids them): strings come from a JSON
// data block, all markup is built with DOM methods.

// cards per batch, then "meer resultaten": each card loads a Pagefind fragment, and the
// first query's bytes count (docs/speed.md, "Search at 10,000 entries")
const PAGE_SIZE = 10;
const DEBOUNCE_MS = 250;

const root = document.getElementById("search");
const strings = JSON.parse(document.getElementById("search-strings").textContent);
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const sortSelect = document.getElementById("search-sort");
const controls = document.getElementById("search-controls");
const facetBox = document.getElementById("search-facets");
const clearButton = document.getElementById("search-clear");
const statusLine = document.getElementById("search-status");
const list = document.getElementById("search-results");
const moreButton = document.getElementById("search-more");
const chosenBadge = document.getElementById("search-chosen");
const wide = window.matchMedia("(min-width: 48rem)"); // sort and filters open beside results
const facetNames = strings.facets.map(([name]) => name);
const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || "nl", {
  day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
});

let pagefind = null;
let bundle = "";       // the URL of the first bundle, with its parts.json and volgorde.json
let orders = null;     // the promise of volgorde.json: sort name -> page ids, oldest first
let totals = {};       // facet -> {value: count} over the whole site (parts.json)
let filtersLoaded = null; // the promise of Pagefind's filter indexes, once asked for
let filtersReady = false;
let hidden = new Set();   // ids of the words page of each part (see reisgids/search_pages.py)
let current = null;    // the last search: {results, shown}
let sequence = 0;      // newer searches win over slower, older ones
let timer = 0;
let completed = 0;     // finished searches, on #search[data-searches] (tests wait on it)

function done() {
  root.dataset.searches = String(++completed);
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// --- state <-> URL --------------------------------------------------------------------

function selected() {
  const chosen = {};
  for (const box of facetBox.querySelectorAll("input[type=checkbox]:checked")) {
    (chosen[box.name] ??= []).push(box.value);
  }
  return chosen;
}

function filtersFor(chosen, except) {
  const filters = {};
  for (const [name, values] of Object.entries(chosen)) {
    if (name !== except && values.length) filters[name] = { any: values };
  }
  return filters;
}

function writeUrl(query, chosen, sort) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (sort) params.set("sort", sort);
  for (const name of facetNames) {
    for (const value of chosen[name] ?? []) params.append(name, value);
  }
  const search = params.toString();
  const url = window.location.pathname + (search ? `?${search}` : "");
  if (url !== window.location.pathname + window.location.search) {
    window.history.replaceState(null, "", url);
  }
}

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") ?? "";
  sortSelect.value = params.get("sort") === "datum" ? "datum" : "";
  const chosen = {};
  for (const name of facetNames) {
    const values = params.getAll(name).filter((v) => v in (totals[name] ?? {}));
    if (values.length) chosen[name] = values;
  }
  return chosen;
}

// --- facets -----------------------------------------------------------------------------

function buildFacets(chosen) {
  facetBox.replaceChildren();
  let index = 0;
  for (const [name, legendText] of strings.facets) {
    const values = Object.keys(totals[name] ?? {}).sort((a, b) => a.localeCompare(b, "nl"));
    if (!values.length) continue;
    const fieldset = element("fieldset", "search-facet");
    fieldset.dataset.facet = name;
    fieldset.append(element("legend", "", legendText));
    const options = element("ul", "search-facet-options");
    for (const value of values) {
      const id = `search-f-${index++}`;
      const item = element("li", "search-facet-option");
      item.dataset.value = value;
      const box = element("input");
      box.type = "checkbox";
      box.id = id;
      box.name = name;
      box.value = value;
      box.checked = (chosen[name] ?? []).includes(value);
      const label = element("label");
      label.htmlFor = id;
      label.append(element("span", "search-facet-value", value), " ",
                   element("span", "search-facet-count", ""));
      item.append(box, label);
      options.append(item);
    }
    fieldset.append(options);
    facetBox.append(fieldset);
  }
}

// counts: facet -> {value: count}; a value is shown when it has results or is checked
function showCounts(counts) {
  for (const fieldset of facetBox.querySelectorAll("fieldset")) {
    const name = fieldset.dataset.facet;
    let visible = 0;
    for (const item of fieldset.querySelectorAll("li")) {
      const box = item.querySelector("input");
      const count = counts[name]?.[item.dataset.value] ?? 0;
      item.querySelector(".search-facet-count").textContent = `(${count})`;
      item.hidden = count === 0 && !box.checked;
      if (!item.hidden) visible += 1;
    }
    fieldset.hidden = visible === 0;
  }
  const chosen = Object.values(selected()).reduce((n, values) => n + values.length, 0);
  clearButton.hidden = chosen === 0;
  chosenBadge.textContent = chosen ? ` (${fill(strings.chosen, { n: chosen })})` : "";
}

// Counts that stay useful with "any of" facets: for a facet with checked values, count
// what each of its values would give without that facet's own choice (disjunctive facets).
async function facetCounts(query, chosen, main) {
  const counts = { ...main.filters };
  for (const name of Object.keys(chosen)) {
    const other = await search(query, { filters: filtersFor(chosen, name) });
    counts[name] = other.filters?.[name] ?? {};
  }
  return counts;
}

// --- results ----------------------------------------------------------------------------

function card(data) {
  const meta = data.meta ?? {};
  const item = element("li", "search-card");
  item.append(element("p", "search-card-kind", meta.soort ?? ""));
  const heading = element("h2", "search-card-title");
  const link = element("a", "", meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);
  item.append(heading);
  if (meta.summary) {
    item.append(element("p", "search-card-summary", meta.summary));
  } else if (data.excerpt) {
    const excerpt = element("p", "search-card-summary");
    excerpt.innerHTML = data.excerpt; // Pagefind escapes the text; only <mark> is markup
    item.append(excerpt);
  }
  const facts = element("ul", "search-card-facets");
  facts.setAttribute("aria-label", strings.facetsOf);
  if (meta.datum) {
    const li = element("li");
    const time = element("time", "", dateFormat.format(new Date(`${meta.datum}T00:00:00Z`)));
    time.dateTime = meta.datum;
    li.append(time);
    facts.append(li);
  }
  for (const [name, legendText] of strings.facets) {
    if (name === "soort") continue;
    for (const value of data.filters?.[name] ?? []) {
      facts.append(element("li", "", `${legendText}: ${value}`));
    }
  }
  if (facts.children.length) item.append(facts);
  return item;
}

async function showMore(focusFirst) {
  const { results, shown } = current;
  const batch = results.slice(shown, shown + PAGE_SIZE);
  const token = sequence;
  const datas = await Promise.all(batch.map((r) => r.data()));
  if (token !== sequence) return;
  const cards = datas.map(card);
  list.append(...cards);
  current.shown = shown + batch.length;
  moreButton.hidden = current.shown >= results.length;
  if (focusFirst && cards.length) cards[0].querySelector("a").focus();
}

function say(text) {
  statusLine.textContent = text;
}

function summaryText(query, count) {
  if (query) {
    const key = count === 0 ? "resultsNone" : count === 1 ? "resultsOne" : "resultsMany";
    return fill(strings[key], { n: count, q: query });
  }
  const key = count === 0 ? "filteredNone" : count === 1 ? "filteredOne" : "filteredMany";
  return fill(strings[key], { n: count });
}

async function run() {
  const token = ++sequence;
  const query = input.value.trim();
  const chosen = selected();
  const sortKey = sortSelect.value;
  writeUrl(query, chosen, sortKey);
  if (!query && Object.keys(chosen).length === 0) {
    current = null;
    list.replaceChildren();
    moreButton.hidden = true;
    showCounts(totals);
    say(strings.prompt);
    done();
    return;
  }
  const options = { filters: filtersFor(chosen) };
  const ready = filtersReady;
  let main = await search(query || null, options);
  const results = sortKey ? newestFirst(main.results, await orderOf(sortKey)) : main.results;
  if (token !== sequence) return;
  current = { results, shown: 0 };
  list.replaceChildren();
  await showMore(false);
  if (token !== sequence) return;
  say(summaryText(query, main.results.length));
  root.dataset.shown = String(Number(root.dataset.shown || 0) + 1);
  // Counts per facet value need every filter index (82 KB at 10,000 entries): loaded
  // after the first results are on screen, not before them.
  await loadFilters();
  if (token !== sequence) return;
  if (!ready) main = await search(query || null, options);
  const counts = await facetCounts(query || null, chosen, main);
  if (token !== sequence) return;
  showCounts(counts);
  done();
}

// Pagefind's search over every part, without the parts' hidden words pages
async function search(query, options) {
  const found = await pagefind.search(query, options);
  if (hidden.size) found.results = found.results.filter((result) => !hidden.has(result.id));
  return found;
}

// The date order is not in Pagefind's meta index, which every first query loads: reisgids
// writes it apart (volgorde.json, docs/speed.md), loaded the first time a reader sorts.
function orderOf(name) {
  orders ??= fetch(`${bundle}volgorde.json`).then((response) => {
    if (!response.ok) throw new Error(`volgorde.json: ${response.status}`);
    return response.json();
  }).catch((error) => {
    orders = null; // asked again at the next sort, not failed for good
    throw error;
  });
  return orders.then((all) => new Map((all[name] ?? []).map((id, place) => [id, place])));
}

// Results in the order, last first; those without a place keep theirs, after them.
function newestFirst(results, order) {
  const placed = results.filter((result) => order.has(result.id));
  placed.sort((a, b) => order.get(b.id) - order.get(a.id));
  return placed.concat(results.filter((result) => !order.has(result.id)));
}

function loadFilters() {
  filtersLoaded ??= pagefind.filters().then(() => { filtersReady = true; });
  return filtersLoaded;
}

// The bundles (the index is split into parts of a few thousand pages) and the facet
// totals, written by reisgids next to Pagefind's files.
async function readParts() {
  const response = await fetch(`${bundle}parts.json`);
  if (!response.ok) throw new Error(`parts.json: ${response.status}`);
  return response.json();
}

function schedule(delay) {
  window.clearTimeout(timer);
  timer = window.setTimeout(() => run().catch(fail), delay);
}

function fail(error) {
  console.warn("search:", error);
  say(strings.failed);
  done();
}

async function start() {
  bundle = root.dataset.bundle;
  const [module, parts] = await Promise.all([import(`${bundle}pagefind.js`), readParts()]);
  pagefind = module;
  const options = { baseUrl: root.dataset.base, excerptLength: 24 };
  await pagefind.options({ bundlePath: bundle, ...options });
  await Promise.all(parts.bundles.slice(1).map(
    (part) => pagefind.mergeIndex(`${bundle}${part.path}`, options)));
  totals = parts.facets;
  hidden = new Set(parts.bundles.map((part) => part.words).filter(Boolean));
  const chosen = readUrl();
  buildFacets(chosen);
  controls.open = wide.matches;
  wide.addEventListener("change", () => { controls.open = wide.matches; });
  controls.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    schedule(0);
  });
  input.addEventListener("input", () => schedule(DEBOUNCE_MS));
  sortSelect.addEventListener("change", () => schedule(0));
  facetBox.addEventListener("change", () => schedule(0));
  clearButton.addEventListener("click", () => {
    for (const box of facetBox.querySelectorAll("input:checked")) box.checked = false;
    input.focus();
    schedule(0);
  });
  moreButton.addEventListener("click", () => showMore(true).catch(fail));
  await run();
}

start().catch(fail);
