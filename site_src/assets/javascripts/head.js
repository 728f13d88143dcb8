// Material's inline start-up script, served as a file because the site's policy allows no inline script.
// Material computes its scope from the page's base URL; this file sits two folders below the site's root.
__md_scope = new URL("../..", document.currentScript.src), __md_hash = e => [...e].reduce(((e, _) => (e << 5) - e + _.charCodeAt(0)), 0), __md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e)), __md_set = (e, _, t = localStorage, a = __md_scope) => { try { t.setItem(a.pathname + "." + e, JSON.stringify(_)) } catch (e) { } };
// Material swaps "no-js" for "js" only when its bundle runs at the end of the page; until then it hides
// the search box, which then appears and pushes the header over (a layout shift). Swap it at once.
document.documentElement.classList.replace("no-js", "js");
