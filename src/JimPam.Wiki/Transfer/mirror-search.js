// The search of a static copy of JimPam.Wiki (export-site): finds, in the index search-index.js, the pages that have
// every word of the query (a word matches the beginnings of the page's words; case and accents do not matter, as on
// the live site), pages whose title matches first, and lists them under the search form. Builds the list with DOM
// calls only, so nothing of the query or the index is read as HTML.
(function () {
    "use strict";

    function words(text) {
        return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
    }

    function has(list, word) {
        return (" " + list).indexOf(" " + word) >= 0;
    }

    function search(query) {
        var wanted = words(query);
        if (wanted.length === 0) {
            return [];
        }

        var found = [];
        (window.wikiSearchIndex || []).forEach(function (page, order) {
            if (!wanted.every(function (w) { return has(page.w, w); })) {
                return;
            }

            var title = words(page.t).join(" ");
            var inTitle = wanted.filter(function (w) { return has(title, w); }).length;
            found.push({ page: page, inTitle: inTitle, order: order });
        });
        found.sort(function (a, b) { return b.inTitle - a.inTitle || a.order - b.order; });
        return found.map(function (f) { return f.page; });
    }

    function show() {
        var query = new URLSearchParams(window.location.search).get("q") || "";
        var input = document.getElementById("search-page-q");
        var results = document.getElementById("search-results");
        if (!results) {
            return;
        }

        if (input) {
            input.value = query;
        }

        if (query.trim().length === 0) {
            return;
        }

        var pages = search(query);
        var status = document.createElement("p");
        status.className = "meta";
        status.setAttribute("role", "status");
        status.textContent = (pages.length === 1 ? "1 page has" : pages.length + " pages have") + " every word of “" + query.trim() + "”.";
        results.appendChild(status);
        if (pages.length === 0) {
            return;
        }

        var list = document.createElement("ol");
        list.className = "search-results";
        pages.slice(0, 50).forEach(function (page) {
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.className = "search-hit";
            link.href = "../" + page.u;
            link.textContent = page.t;
            item.appendChild(link);
            if (page.d) {
                var about = document.createElement("p");
                about.className = "snippet";
                about.textContent = page.d;
                item.appendChild(about);
            }

            list.appendChild(item);
        });
        results.appendChild(list);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", show);
    } else {
        show();
    }
}());
