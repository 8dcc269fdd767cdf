#!/usr/bin/env python3
"""Search over a million facilities, side by side with the plain query in the same run.

Builds the demo database, adds N facilities (bench/gen_facilities.py, fixed seed) and a fixed
set of 100 queries typed without diacritics (whole names, owners, fragments of words), then
asks `khuyencong serve` for each query's first page of 50 with its total (GET
/api/v1/facilities?q=...&page_size=50, one client, logged in as the department, ROUNDS rounds
after a warm-up round) and reads the server's peak memory. The reference is what the list did
before its trigram index, run in the same process over the same file: the count and the page
as plain SQL with one LIKE per word (Python's sqlite3, the same SQLite library). Medians and
p99; the table goes to standard output and the figures to bench/results/search-DATE.json (not
committed). With KC_PG_URL, the same queries are also asked of a server over PostgreSQL holding
the same rows (copied by `khuyencong migrate`).

Usage: bench/search.py BIN [N] [ROUNDS]"""
import datetime
import http.client
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

BIN = os.path.abspath(sys.argv[1])
N = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
HERE = os.path.dirname(os.path.abspath(__file__))
work = tempfile.mkdtemp(prefix='kc-bench-search-')


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def peak_kb(pid):
    for line in open(f'/proc/{pid}/status'):
        if line.startswith('VmHWM:'):
            return int(line.split()[1])
    return 0


def serve(db):
    port = free_port()
    proc = subprocess.Popen([BIN, 'serve', '--db', db, '--port', str(port), '--quiet'],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            c = http.client.HTTPConnection('127.0.0.1', port, timeout=5)
            c.request('GET', '/readyz')
            if c.getresponse().status == 200:
                return proc, port
        except OSError:
            pass
        time.sleep(0.05)
    proc.terminate()
    raise SystemExit('the server did not start')


slowest = []  # (seconds, path) of every timed request, to name the slowest


def ask_all(port, queries):
    """Per query: (seconds of the slowest round, total, total_is_estimate)."""
    c = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
    c.request('POST', '/api/v1/session', json.dumps({'login': 'department', 'password': 'demo'}),
              {'Content-Type': 'application/json'})
    r = c.getresponse()
    r.read()
    head = {'Cookie': r.getheader('Set-Cookie').split(';')[0], 'Cache-Control': 'no-cache'}
    times, answers = [], []
    for round_ in range(ROUNDS + 1):  # the first round warms the caches
        for i, q in enumerate(queries):
            # A new query each time (page 1, then the same words in another order): no cached
            # answer is reused.
            words = q.split()
            if round_ % 2:
                words.reverse()
            path = '/api/v1/facilities?' + urllib.parse.urlencode(
                {'q': ' '.join(words), 'page_size': 50, 'sort': 'name' if round_ < 2 else '-name'})
            t = time.perf_counter()
            c.request('GET', path, headers=head)
            r = c.getresponse()
            body = json.loads(r.read())
            if r.status != 200:
                raise SystemExit(f'{path}: {r.status} {body}')
            if round_:
                times.append(time.perf_counter() - t)
                slowest.append((times[-1], path))
            else:
                answers.append((body['total'], body.get('total_is_estimate', False)))
    return times, answers


def plain_sql(db, queries):
    """The list before the index: count and page with one LIKE per word."""
    con = sqlite3.connect(db)
    times = []
    for q in queries:
        words = q.split()
        where = ' AND '.join(['search_text LIKE ?'] * len(words))
        args = [f'%{w}%' for w in words]
        t = time.perf_counter()
        con.execute(f'SELECT COUNT(*) FROM facilities NOT INDEXED WHERE {where}', args).fetchone()
        con.execute(f'SELECT id, name FROM facilities NOT INDEXED WHERE {where} '
                    'ORDER BY name, id LIMIT 50', args).fetchall()
        times.append(time.perf_counter() - t)
    return times


def row(work_, ours, ref):
    return (work_, f'p50 {percentile(ours, 50) * 1000:.1f} ms, p99 {percentile(ours, 99) * 1000:.1f} ms',
            f'p50 {percentile(ref, 50) * 1000:.1f} ms, p99 {percentile(ref, 99) * 1000:.1f} ms',
            f'{percentile(ref, 99) / percentile(ours, 99):.0f}x faster (p99)')


def main():
    db = os.path.join(work, 'search.db')
    subprocess.run([BIN, 'demo', '--db', db], check=True, capture_output=True)
    print(f'bench-search: generating {N} facilities', file=sys.stderr)
    t = time.perf_counter()
    out = subprocess.run([sys.executable, os.path.join(HERE, 'gen_facilities.py'), db, str(N)],
                         check=True, capture_output=True, text=True)
    generated = time.perf_counter() - t
    queries = json.loads(out.stdout)
    figures = {'facilities': N, 'queries': len(queries), 'rounds': ROUNDS,
               'generate_seconds': generated}
    print('bench-search: the plain query', file=sys.stderr)
    ref = plain_sql(db, queries)
    rows = []
    proc, port = serve(db)
    try:
        print('bench-search: the server (SQLite)', file=sys.stderr)
        ours, answers = ask_all(port, queries)
        figures['sqlite'] = {'p50_ms': percentile(ours, 50) * 1000,
                             'p99_ms': percentile(ours, 99) * 1000,
                             'max_ms': max(ours) * 1000, 'peak_rss_kb': peak_kb(proc.pid),
                             'estimated_totals': sum(1 for a in answers if a[1])}
    finally:
        proc.terminate()
        proc.wait()
    figures['plain_sql'] = {'p50_ms': percentile(ref, 50) * 1000,
                            'p99_ms': percentile(ref, 99) * 1000}
    rows.append(row(f'search {N} facilities, SQLite (page of 50 and total)', ours, ref))
    if os.environ.get('KC_PG_URL'):
        base = os.environ['KC_PG_URL']
        subprocess.run(['psql', base, '-qc', 'DROP DATABASE IF EXISTS kc_search', '-qc',
                        'CREATE DATABASE kc_search'], check=True, capture_output=True)
        url = base.rsplit('/', 1)[0] + '/kc_search'
        print('bench-search: copying to PostgreSQL', file=sys.stderr)
        subprocess.run([BIN, 'migrate', '--from', db, '--to', url], check=True, capture_output=True)
        proc, port = serve(url)
        try:
            print('bench-search: the server (PostgreSQL)', file=sys.stderr)
            pg, _ = ask_all(port, queries)
            figures['postgresql'] = {'p50_ms': percentile(pg, 50) * 1000,
                                     'p99_ms': percentile(pg, 99) * 1000,
                                     'max_ms': max(pg) * 1000}
        finally:
            proc.terminate()
            proc.wait()
        rows.append(row(f'search {N} facilities, PostgreSQL', pg, ref))
    estimated = figures['sqlite']['estimated_totals']
    rows.append((f'memory, peak, with {N} facilities', f"{figures['sqlite']['peak_rss_kb'] / 1024:.0f} MB",
                 '', ''))
    head = ('work', 'ours', 'plain LIKE query', 'ratio')
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(4)]
    for r in [head] + rows:
        print(' | '.join(c.ljust(w) for c, w in zip(r, widths)))
    print('slowest:', '; '.join(f'{urllib.parse.unquote_plus(p.split("?")[1])} {t * 1000:.1f} ms'
                                for t, p in sorted(slowest, reverse=True)[:5]))
    print(f'{len(queries)} queries, {ROUNDS} rounds; {estimated} totals past 10,000 estimated '
          '(total_is_estimate)')
    os.makedirs('bench/results', exist_ok=True)
    stamp = datetime.datetime.now().strftime('%Y%m%d-%H%M%S')
    path = f'bench/results/search-{stamp}.json'
    with open(path, 'w') as f:
        json.dump(figures, f, indent=2)
    print(f'(figures in {path})')


if __name__ == '__main__':
    try:
        main()
    finally:
        subprocess.run(['rm', '-rf', work])
