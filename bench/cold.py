#!/usr/bin/env python3
"""Requests every id of a file exactly once (the `cold` pass of bench/run.sh): WORKERS threads, each
with its own keep-alive connection, take the ids in turn; prints the RESULT line of bench/report.lua
(latencies measured around each request, ms).
Usage: cold.py <base url> <ids file> <path template with %s> <key> [extra query] [workers]"""
import http.client, sys, threading, time, urllib.parse, random, datetime

base, ids_file, template, key = sys.argv[1:5]
extra = sys.argv[5] if len(sys.argv) > 5 else ""
workers = int(sys.argv[6]) if len(sys.argv) > 6 else 8
ids = [l.strip() for l in open(ids_file) if l.strip()]
url = urllib.parse.urlparse(base)
lock = threading.Lock()
it = iter(ids)
lat, errors, non2xx = [], 0, 0
rnd = random.Random(4)


def worker():
    global errors, non2xx
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    while True:
        with lock:
            i = next(it, None)
            back = rnd.randint(0, 59)
        if i is None:
            return
        to = (datetime.datetime.utcnow() - datetime.timedelta(days=back)).strftime("%Y-%m-%d")
        path = template % i + "?to=" + to + extra
        t0 = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Authorization": "Bearer " + key})
            r = conn.getresponse()
            r.read()
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                lat.append(ms)
                if r.status // 100 != 2:
                    non2xx += 1
        except Exception:
            with lock:
                errors += 1
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)


start = time.perf_counter()
threads = [threading.Thread(target=worker) for _ in range(workers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
lat.sort()


def pct(p):
    return lat[min(len(lat) - 1, int(round(p / 100 * len(lat) + 0.5)) - 1)] if lat else 0.0


print("RESULT requests=%d errors=%d non2xx=%d rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f"
      % (len(lat), errors, non2xx, len(lat) / elapsed, pct(50), pct(95), pct(99), lat[-1] if lat else 0.0))
