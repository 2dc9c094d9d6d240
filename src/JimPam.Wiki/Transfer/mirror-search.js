// The search of a static copy of JimPam.Wiki (export-site): finds, in the index search-index.js, the pages that have
// every word of the query (a word matches the beginnings of the page's words; case and accents do not matter, as on
// the live site), pages whose title matches first, and lists them under the search form, each with a snippet of its
// text around the first word found, the words found marked, as the live site's search shows them. Builds the list
// with DOM calls only, so nothing of the query or the index is read as HTML.
(function () {
    "use strict";

    function words(text) {
        return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
    }

    function has(list, word) {
        return (" " + list).indexOf(" " + word) >= 0;
    }

    // A snippet is SnippetWords words of the page's text (FTS5's snippet on the live site gives 24), starting a few
    // words before the first one found.
    var SnippetWords = 24, WordsBefore = 6, WordChar = /[\p{L}\p{N}]/u;

    function matches(token, wanted) {
        return words(token).some(function (part) {
            return wanted.some(function (w) { return part.indexOf(w) === 0; });
        });
    }

    // The text around the first word of the query in text, with every word of the query marked; null when the text
    // has none (the query matched the title only).
    function snippet(text, wanted) {
        var tokens = text.match(/[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu) || [];
        var wordAt = [];
        tokens.forEach(function (token, i) {
            if (WordChar.test(token)) {
                wordAt.push(i);
            }
        });
        var first = wordAt.findIndex(function (i) { return matches(tokens[i], wanted); });
        if (first < 0) {
            return null;
        }

        var from = Math.max(0, first - WordsBefore), to = Math.min(wordAt.length, from + SnippetWords);
        var paragraph = document.createElement("p");
        paragraph.className = "snippet";
        if (from > 0) {
            paragraph.appendChild(document.createTextNode("…"));
        }

        for (var i = wordAt[from]; i <= wordAt[to - 1]; i++) {
            if (WordChar.test(tokens[i]) && matches(tokens[i], wanted)) {
                var mark = document.createElement("mark");
                mark.textContent = tokens[i];
                paragraph.appendChild(mark);
            } else {
                paragraph.appendChild(document.createTextNode(tokens[i]));
            }
        }

        if (to < wordAt.length) {
            paragraph.appendChild(document.createTextNode("…"));
        }

        return paragraph;
    }

    function search(wanted) {
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

        var wanted = words(query);
        var pages = search(wanted);
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
            var around = page.x ? snippet(page.x, wanted) : null;
            if (around) {
                item.appendChild(around);
            } else if (page.d) {
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
