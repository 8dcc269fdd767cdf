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
import http.client
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

from benchlib import free_port, print_and_save

BIN = os.path.abspath(sys.argv[1])
N = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
HERE = os.path.dirname(os.path.abspath(__file__))
work = tempfile.mkdtemp(prefix='kc-bench-search-')


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def status_kb(pid, field):
    """A field of /proc/PID/status in kB: VmHWM (peak resident), RssAnon (private), RssFile
    (mapped files: the SQLite file is read through a memory map, shared with the system's
    cache)."""
    for line in open(f'/proc/{pid}/status'):
        if line.startswith(field + ':'):
            return int(line.split()[1])
    return 0


def serve(db):
    """The server, its port, and the seconds from its start until its search index in memory
    was built (`/readyz` says `search_index: ready`; the searches go through SQL until then)."""
    port = free_port()
    began = time.perf_counter()
    proc = subprocess.Popen([BIN, 'serve', '--db', db, '--port', str(port), '--quiet'],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(6000):
        try:
            c = http.client.HTTPConnection('127.0.0.1', port, timeout=5)
            c.request('GET', '/readyz')
            r = c.getresponse()
            if r.status == 200 and json.loads(r.read()).get('search_index', 'ready') == 'ready':
                return proc, port, time.perf_counter() - began
        except OSError:
            pass
        time.sleep(0.05)
    proc.terminate()
    raise SystemExit('the server did not start')


def ask_all(port, queries, pid=None):
    """(seconds of every timed request, (total, total_is_estimate) of each query in the warm-up
    round, (seconds, path) of every timed request, the largest private memory of process `pid`
    seen between requests in kB)."""
    c = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
    c.request('POST', '/api/v1/session', json.dumps({'login': 'department', 'password': 'demo'}),
              {'Content-Type': 'application/json'})
    r = c.getresponse()
    r.read()
    head = {'Cookie': r.getheader('Set-Cookie').split(';')[0], 'Cache-Control': 'no-cache'}
    times, answers, timed, private_kb = [], [], [], 0
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
                timed.append((times[-1], path))
            else:
                answers.append((body['total'], body.get('total_is_estimate', False)))
            if pid:
                private_kb = max(private_kb, status_kb(pid, 'RssAnon'))
    return times, answers, timed, private_kb


def measure(location, label, queries):
    """Serves `location` and asks it every query: its figures, the times, and the slowest five
    requests as text."""
    proc, port, index_seconds = serve(location)
    try:
        print(f'bench-search: the server ({label}), its index built in {index_seconds:.1f} s',
              file=sys.stderr)
        times, answers, timed, private_kb = ask_all(port, queries, proc.pid)
        figures = {'p50_ms': percentile(times, 50) * 1000, 'p99_ms': percentile(times, 99) * 1000,
                   'index_built_seconds': index_seconds,
                   'max_ms': max(times) * 1000, 'peak_rss_kb': status_kb(proc.pid, 'VmHWM'),
                   'peak_private_kb': private_kb, 'mapped_file_kb': status_kb(proc.pid, 'RssFile'),
                   'estimated_totals': sum(1 for a in answers if a[1])}
    finally:
        proc.terminate()
        proc.wait()
    slowest = '; '.join(f'{urllib.parse.unquote_plus(p.split("?")[1])} {t * 1000:.1f} ms'
                        for t, p in sorted(timed, reverse=True)[:5])
    return figures, times, f'slowest ({label}): {slowest}'


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
    figures['plain_sql'] = {'p50_ms': percentile(ref, 50) * 1000,
                            'p99_ms': percentile(ref, 99) * 1000}
    figures['sqlite'], ours, slowest = measure(db, 'SQLite', queries)
    notes = [slowest]
    rows = [row(f'search {N} facilities, SQLite (page of 50 and total)', ours, ref)]
    if os.environ.get('KC_PG_URL'):
        base = os.environ['KC_PG_URL']
        subprocess.run(['psql', base, '-qc', 'DROP DATABASE IF EXISTS kc_search', '-qc',
                        'CREATE DATABASE kc_search'], check=True, capture_output=True)
        url = base.rsplit('/', 1)[0] + '/kc_search'
        print('bench-search: copying to PostgreSQL', file=sys.stderr)
        subprocess.run([BIN, 'migrate', '--from', db, '--to', url], check=True, capture_output=True)
        figures['postgresql'], pg, slowest = measure(url, 'PostgreSQL', queries)
        notes.append(slowest)
        rows.append(row(f'search {N} facilities, PostgreSQL', pg, ref))
    estimated = figures['sqlite']['estimated_totals']
    for label in ('sqlite', 'postgresql'):
        if label not in figures:
            continue
        mem = figures[label]
        rows.append((f'server ({label}), {N} facilities: memory, peak; index built',
                     f"{mem['peak_rss_kb'] / 1024:.0f} MB resident, "
                     f"{mem['peak_private_kb'] / 1024:.0f} MB private; "
                     f"{mem['index_built_seconds']:.1f} s after the start",
                     f"mapped file at the end: {mem['mapped_file_kb'] / 1024:.0f} MB", ''))
    print_and_save('search', ('work', 'ours', 'plain LIKE query', 'ratio'), rows, figures)
    for note in notes:
        print(note)
    print(f'{len(queries)} queries, {ROUNDS} rounds; {estimated} totals past 10,000 estimated '
          '(total_is_estimate)')


if __name__ == '__main__':
    try:
        main()
    finally:
        subprocess.run(['rm', '-rf', work])
