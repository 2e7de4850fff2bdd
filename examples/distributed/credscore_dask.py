#!/usr/bin/python3
"""credscore on a Dask distributed cluster.

    /usr/bin/python3 credscore_dask.py --scheduler-file SCHED.json \\
        --credscore ./credscore --bundle credscore-bundle.tar \\
        [--partition-lines 500] -o reports.jsonl articles.jsonl

Cuts the JSONL corpus into partitions of --partition-lines records, ships
the credscore binary and the bundle (`credscore bundle`) to the workers once
(broadcast; each worker writes them into its own folder), runs
`credscore score --jsonl - --no-exit --bundle BUNDLE` on each partition and
writes the reports, partitions in input order, to -o (replaced atomically:
a run that fails leaves the previous file).  The result is byte-identical to
one `credscore score --jsonl --no-exit` over the whole corpus.

A worker that dies mid-partition costs nothing: the scheduler gives the
partition to another worker (a partition is a pure function of its lines),
and a partition is written once, when its answer comes back, so no record
is lost or written twice.  A partition whose credscore fails outright (no
answer for every record) is retried --retries times, then the run fails
with credscore's message.  Malformed records are answered in-band by
credscore ({"line": N, "error": ...}, N counted within the partition).

Needs Dask's distributed scheduler (Debian: python3-distributed, installed
for /usr/bin/python3) on the client and the workers, and on the workers the
Debian runtime libraries credscore links against.
"""

import argparse
import collections
import hashlib
import os
import subprocess
import sys
import tempfile

PART_ENV = "CREDSCORE_DASK_PARTITION"  # the partition's number, for the curious


def worker_copy(data, digest, name, mode):
    """Write data into this worker's folder once (by content) and return its path."""
    from distributed import get_worker

    folder = os.path.join(get_worker().local_directory, "credscore-" + digest[:16])
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        fd, tmp = tempfile.mkstemp(dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)  # two threads writing the same bytes: either wins
    return path


def score_partition(index, lines, binary, binary_digest, bundle, bundle_digest):
    """Run credscore over one partition (bytes, one record a line); its answers."""
    exe = worker_copy(binary, binary_digest, "credscore", 0o755)
    tar = worker_copy(bundle, bundle_digest, "credscore-bundle.tar", 0o644)
    env = dict(os.environ, **{PART_ENV: str(index)})
    proc = subprocess.run(
        [exe, "score", "--jsonl", "-", "--no-exit", "--bundle", tar],
        input=lines, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, check=False)
    want = sum(1 for line in lines.split(b"\n") if line.strip(b"\r"))
    got = proc.stdout.count(b"\n")
    # Exit 2 with every record answered is a partition holding malformed
    # records (answered in-band); anything else is a failure worth a retry.
    if proc.returncode not in (0, 2) or got != want:
        raise RuntimeError("partition %d: credscore exit %d, %d of %d records answered: %s"
                           % (index, proc.returncode, got, want,
                              proc.stderr.decode("utf-8", "replace").strip()))
    return proc.stdout


def partitions(path, size):
    """(index, bytes) of successive partitions of size records of a JSONL file."""
    with open(path, "rb") as f:
        index, lines = 0, []
        for line in f:
            if not line.endswith(b"\n"):
                line += b"\n"
            lines.append(line)
            if len(lines) == size:
                yield index, b"".join(lines)
                index, lines = index + 1, []
        if lines:
            yield index, b"".join(lines)


def read(path, what):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise SystemExit("credscore_dask: %s %s: %s" % (what, path, e.strerror))


def main(argv):
    ap = argparse.ArgumentParser(description="credscore over a Dask distributed cluster")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="the scheduler's address (tcp://host:port)")
    where.add_argument("--scheduler-file", help="the file dask-scheduler wrote")
    ap.add_argument("--credscore", required=True, help="the credscore binary to ship")
    ap.add_argument("--bundle", required=True, help="the archive `credscore bundle` wrote")
    ap.add_argument("--partition-lines", type=int, default=500, help="records a partition")
    ap.add_argument("--retries", type=int, default=2, help="retries of a failed partition")
    ap.add_argument("--min-workers", type=int, default=1, help="workers to wait for first")
    ap.add_argument("-o", "--output", required=True, help="the merged reports (JSONL)")
    ap.add_argument("input", help="the articles (JSONL)")
    args = ap.parse_args(argv)
    if args.partition_lines < 1:
        ap.error("--partition-lines wants a number of records from 1")
    if not os.path.isfile(args.input):
        raise SystemExit("credscore_dask: input %s: not a file" % args.input)

    from distributed import Client

    binary = read(args.credscore, "credscore binary")
    bundle = read(args.bundle, "bundle")
    client = Client(args.scheduler or None, scheduler_file=args.scheduler_file, timeout=60)
    out_dir = os.path.dirname(os.path.abspath(args.output))
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix="." + os.path.basename(args.output) + ".")
    try:
        client.wait_for_workers(max(1, args.min_workers), timeout=120)
        nworkers = len(client.scheduler_info()["workers"])
        shipped = (client.scatter(binary, broadcast=True), hashlib.sha256(binary).hexdigest(),
                   client.scatter(bundle, broadcast=True), hashlib.sha256(bundle).hexdigest())
        window = collections.deque()  # partitions in flight, in input order
        records = parts = 0
        with os.fdopen(fd, "wb") as out:
            def write_first():
                nonlocal records, parts
                answer = window.popleft().result()  # raises the partition's last error
                out.write(answer)
                records += answer.count(b"\n")
                parts += 1

            for index, lines in partitions(args.input, args.partition_lines):
                window.append(client.submit(score_partition, index, lines, *shipped,
                                            retries=args.retries, pure=False))
                if len(window) >= 4 * nworkers:
                    write_first()
            while window:
                write_first()
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, args.output)
        tmp = None
        print("credscore_dask: %d records in %d partitions on %d workers -> %s"
              % (records, parts, nworkers, args.output), file=sys.stderr)
    except Exception as e:  # a partition that failed every try, a lost scheduler
        print("credscore_dask: %s; %s left unchanged" % (e, args.output), file=sys.stderr)
        return 2
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
