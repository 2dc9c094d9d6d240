#!/usr/bin/env python3
"""Search latency on the seed data: a few hundred queries, one at a time over one keep-alive connection.

Usage: search-latency.py BASE_URL ARTICLE_FILE EPISODES_CSV [N]
Queries are drawn (with a fixed seed) from the seed article's words (whole words, prefixes of 3-5 letters,
two-word pairs and quoted phrases) and the episode titles, so they find something, as readers' queries do,
plus a share of words found nowhere. Each is sent to /search?q= and /api/v1/search?q=; the time is from
sending the request to reading the whole response, measured by the client on the same machine.
"""
import csv, http.client, random, re, statistics, sys, time, urllib.parse

base, article, episodes = sys.argv[1], sys.argv[2], sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 300
rng = random.Random(20261202)
words = [w for w in re.findall(r"[A-Za-z][a-z']{3,}", open(article, encoding="utf-8").read())]
titles = [row["title"] for row in csv.DictReader(open(episodes, encoding="utf-8"))]
queries = []
while len(queries) < n:
    kind = rng.random()
    if kind < 0.35:
        queries.append(rng.choice(words))
    elif kind < 0.55:
        w = rng.choice(words)
        queries.append(w[: rng.randint(3, min(5, len(w)))])
    elif kind < 0.75:
        i = rng.randrange(len(words) - 1)
        queries.append(f"{words[i]} {words[i + 1]}")
    elif kind < 0.85:
        i = rng.randrange(len(words) - 1)
        queries.append(f'"{words[i]} {words[i + 1]}"')
    elif kind < 0.95:
        queries.append(rng.choice(titles))
    else:
        queries.append(f"zq{rng.randint(1000, 9999)}x")

url = urllib.parse.urlsplit(base)
for path in ("/search?q=", "/api/v1/search?q="):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    for q in queries[:20]:  # warm-up
        connection.request("GET", path + urllib.parse.quote(q)); connection.getresponse().read()
    times, statuses = [], {}
    for q in queries:
        start = time.perf_counter()
        connection.request("GET", path + urllib.parse.quote(q))
        response = connection.getresponse(); response.read()
        times.append((time.perf_counter() - start) * 1000)
        statuses[response.status] = statuses.get(response.status, 0) + 1
    times.sort()
    p = lambda f: times[min(len(times) - 1, int(round(f * (len(times) - 1))))]
    print(f"| `{path}` | {len(times)} | {p(0.5):.1f} ms | {p(0.99):.1f} ms | {times[-1]:.1f} ms | {statistics.mean(times):.1f} ms | {statuses} |")
