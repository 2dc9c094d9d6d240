#!/usr/bin/env python3
"""An edit's way to other readers, for bench/multi.sh: an editor logs in on instance A and saves a paragraph of
/seasons/5 through its edit form, COUNT times. After each save's answer, instance B is read once, at once (is it
stale?), and anonymous readers through the front are polled every 20 ms until the page shows the edit (the delay).
Prints one line of JSON: {"delays_ms": [...], "stale_on_b": N}.

Usage: edit-delay.py <A url> <B url> <front url> <count>
       edit-delay.py --loop <A url> <B url> <stop file>   (bench/soak.sh: a save every 2 s on A and B in turn until the
       stop file exists; prints {"saved": N, "failed": N, "statuses": {...}})
"""
import html.parser
import http.cookiejar
import json
import sys
import time
import urllib.parse
import urllib.request

PASSWORD = "that's what she said, twice"


class Form(html.parser.HTMLParser):
    """The fields of the page's first form inside <main> (inputs and textareas), as a browser would send them."""

    def __init__(self):
        super().__init__()
        self.fields, self.action, self._in_main, self._in_form, self._textarea, self._done = {}, None, False, False, None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "main":
            self._in_main = True
        elif tag == "form" and self._in_main and not self._done and not self._in_form:
            self._in_form, self.action = True, a.get("action")
        elif self._in_form and tag == "input" and a.get("name"):
            if a.get("type") in ("radio", "checkbox") and "checked" not in a:
                return
            self.fields.setdefault(a["name"], a.get("value", ""))
        elif self._in_form and tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self.fields[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "form" and self._in_form:
            self._in_form, self._done = False, True


def main():
    loop = sys.argv[1] == "--loop"
    args = sys.argv[2:] if loop else sys.argv[1:]
    a, b = args[0], args[1]
    jar = http.cookiejar.CookieJar()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    editor = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    editor.addheaders = [("X-Forwarded-Proto", "https")]

    def get(opener, url):
        try:
            with opener.open(url) as response:
                return response.read().decode()
        except urllib.error.HTTPError as e:
            return e.read().decode()
        finally:
            # Secure cookies are sent over plain http here: the app is told the request came over https.
            for cookie in jar:
                cookie.secure = False

    def submit(url, changes):
        page = get(editor, url)
        form = Form()
        form.feed(page)
        fields = dict(form.fields, **changes)
        target = urllib.parse.urljoin(url, form.action or url)
        request = urllib.request.Request(target, data=urllib.parse.urlencode(fields).encode())
        try:
            with editor.open(request) as response:
                return response.status
        except urllib.error.HTTPError as e:
            return e.code
        finally:
            for cookie in jar:
                cookie.secure = False

    # Logs in on whichever instance answers (one may be down when a run begins).
    for attempt in range(100):
        try:
            if submit((a, b)[attempt % 2] + "/login", {"Form.Name": "pam", "Form.Password": PASSWORD}) in (302, 303):
                season = get(editor, (a, b)[attempt % 2] + "/seasons/5")
                if 'class="edit-links"' in season:
                    break
        except OSError:
            pass
        time.sleep(0.5)
    else:
        raise SystemExit("could not log in")
    start = season.index('class="edit-links"')
    href = season[season.index('href="', start) + 6:]
    edit = a + html.unescape(href[:href.index('"')])

    if loop:
        import os
        saved, failed, statuses, i = 0, 0, {}, 0
        while not os.path.exists(args[2]):
            i += 1
            try:
                status = submit(edit.replace(a, a if i % 2 else b, 1), {"Form.Body": f"Pam paints the warehouse mural, soak {i}.", "Form.Summary": "soak"})
            except OSError as e:
                status = type(e).__name__
            statuses[str(status)] = statuses.get(str(status), 0) + 1
            if status in (302, 303):
                saved += 1
            else:
                failed += 1
            time.sleep(float(os.environ.get("SAVE_INTERVAL_S", "2")))
        print(json.dumps({"saved": saved, "failed": failed, "statuses": statuses}))
        return

    front, count = args[2], int(args[3])
    plain = urllib.request.build_opener()
    delays, stale = [], 0
    for i in range(1, count + 1):
        get(plain, front + "/seasons/5")
        get(plain, b + "/seasons/5")
        status = submit(edit, {"Form.Body": f"Pam paints the warehouse mural, bench take {i}.", "Form.Summary": "bench"})
        if status not in (302, 303):
            raise SystemExit(f"the save answered {status}")
        saved = time.monotonic()
        if f"bench take {i}." not in get(plain, b + "/seasons/5"):
            stale += 1
        while f"bench take {i}." not in get(plain, front + "/seasons/5"):
            time.sleep(0.02)
        delays.append(round((time.monotonic() - saved) * 1000))
    print(json.dumps({"delays_ms": delays, "stale_on_b": stale}))


if __name__ == "__main__":
    main()
