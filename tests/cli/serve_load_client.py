"""serve_load_client.py - POST articles to `credscore serve` from several
threads at once and compare every answer with the report it must be.

    python3 serve_load_client.py ADDR THREADS ROUNDS OUTDIR BODY WANT [BODY WANT ...]

ADDR is host:port.  Each BODY is a file holding the JSON body of one
POST /v1/score; WANT the file holding the reply it must get (byte for byte,
`credscore score -f json` of the same article).  Every pair is sent ROUNDS
times; the requests are interleaved (a fixed shuffle, so the articles mix
under concurrency) and sent by THREADS threads, each on its own keep-alive
connection.  Prints, one per line:

    requests N
    status S N        (one line per status seen, S ascending)
    identical N       (status 200 and the body is WANT's bytes)
    different N
    errors N          (a connection failed: no status)

and writes the first different body to OUTDIR/different.N (N: the pair's
index) for a test to show.  Exit status 0 when it ran (whatever it found),
2 on bad arguments.  Test helper of tests/cli/81-serve-load.t; standard
library only (Debian's /usr/bin/python3).
"""
import concurrent.futures
import http.client
import os
import random
import sys
import threading


def main(argv):
    if len(argv) < 7 or (len(argv) - 5) % 2:
        sys.stderr.write(__doc__)
        return 2
    addr, threads, rounds, outdir = argv[1], int(argv[2]), int(argv[3]), argv[4]
    host, port = addr.rsplit(":", 1)
    pairs = []
    for i in range(5, len(argv), 2):
        with open(argv[i], "rb") as body, open(argv[i + 1], "rb") as want:
            pairs.append((body.read(), want.read()))
    jobs = [k for _ in range(rounds) for k in range(len(pairs))]
    random.Random(18).shuffle(jobs)

    local = threading.local()
    lock = threading.Lock()
    statuses = {}
    counts = {"identical": 0, "different": 0, "errors": 0}
    dumped = set()

    def send(k):
        body, want = pairs[k]
        try:
            conn = getattr(local, "conn", None)
            if conn is None:
                conn = local.conn = http.client.HTTPConnection(host, int(port), timeout=300)
            conn.request("POST", "/v1/score", body, {"Content-Type": "application/json"})
            reply = conn.getresponse()
            got = reply.read()
            status = reply.status
            if reply.getheader("Connection", "").lower() == "close":
                conn.close()
                local.conn = None
        except (OSError, http.client.HTTPException):
            local.conn = None
            with lock:
                counts["errors"] += 1
            return
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
            if status == 200 and got == want:
                counts["identical"] += 1
                return
            counts["different"] += 1
            if k in dumped:
                return
            dumped.add(k)
        with open(os.path.join(outdir, "different.%d" % k), "wb") as f:
            f.write(b"status %d\n" % status + got)

    with concurrent.futures.ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(send, jobs))

    print("requests %d" % len(jobs))
    for s in sorted(statuses):
        print("status %d %d" % (s, statuses[s]))
    for key in ("identical", "different", "errors"):
        print("%s %d" % (key, counts[key]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
