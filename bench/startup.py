#!/usr/bin/env python3
"""Start-up and memory of the server, side by side with nginx in the same run.

For an empty database and for the demo's, ROUNDS times each: the time from starting
`khuyencong serve` to its first answered request (/healthz: the process listens) and to its
first answer that needed the database (/readyz), the resident memory once ready (idle), and
the peak after a logged-in user has opened the main pages (overview, project list, a
project, the plans, the annual report). The reference is nginx (Debian) started the same way
and asked for a static file: its time to the first answer and its memory (master and
workers). Medians; the table goes to standard output and the figures to
bench/results/startup-DATE.json (not committed).

Usage: bench/startup.py BIN [ROUNDS]"""
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import free_port, print_and_save

BIN = os.path.abspath(sys.argv[1])
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
work = tempfile.mkdtemp(prefix='kc-bench-startup-')
os.chmod(work, 0o755)  # nginx's workers (www-data) read the static file


def answer(port, path, headers=None, body=None, method='GET'):
    """(status, headers, body) or None when nothing listens yet."""
    try:
        c = http.client.HTTPConnection('127.0.0.1', port, timeout=10)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, r.getheaders(), data
    except (ConnectionRefusedError, ConnectionResetError, http.client.RemoteDisconnected):
        return None


def wait_for(port, path, started, limit=60.0):
    """Seconds from `started` to the first 200 on path."""
    while time.perf_counter() - started < limit:
        r = answer(port, path)
        if r and r[0] == 200:
            return time.perf_counter() - started
        time.sleep(0.001)
    raise SystemExit(f'no answer on {path} within {limit} s')


def kb(pid, field):
    """A field of /proc/PID/status (VmRSS, VmHWM) in kB, summed over the process's children."""
    total = 0
    pids = [pid] + [int(p) for p in open(f'/proc/{pid}/task/{pid}/children').read().split()]
    for p in pids:
        for line in open(f'/proc/{p}/status'):
            if line.startswith(field + ':'):
                total += int(line.split()[1])
    return total


def server_round(db):
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen([BIN, 'serve', '--db', db, '--port', str(port), '--quiet'],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        listening = wait_for(port, '/healthz', started)
        ready = wait_for(port, '/readyz', started)
        idle = kb(proc.pid, 'VmRSS')
        peak = 0  # no user to log in (the empty database)
        login = answer(port, '/api/v1/session', {'Content-Type': 'application/json'},
                       json.dumps({'login': 'department', 'password': 'demo'}), 'POST')
        if login and login[0] == 200:
            cookie = dict(login[1])['Set-Cookie'].split(';')[0]
            head = {'Cookie': cookie}
            items = json.loads(answer(port, '/api/v1/projects?page_size=50', head)[2])['items']
            pages = ['/api/v1/reports/annual?year=2018', '/api/v1/projects/stats?year=2018',
                     '/api/v1/plans/scenarios', '/api/v1/plans/decisions']
            if items:
                pages.append(f"/api/v1/projects/{items[0]['id']}")
            for p in pages:
                answer(port, p, head)
            peak = kb(proc.pid, 'VmHWM')
        return listening, ready, idle, peak
    finally:
        proc.terminate()
        proc.wait()


def nginx_round():
    port = free_port()
    root = os.path.join(work, 'static')
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, 'index.json'), 'w') as f:
        f.write('{"status":"ok"}')
    conf = os.path.join(work, 'nginx.conf')
    with open(conf, 'w') as f:
        f.write(f'''worker_processes 2; pid {work}/nginx.pid; error_log {work}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{ access_log off; client_body_temp_path {work}/body; proxy_temp_path {work}/proxy;
  fastcgi_temp_path {work}/fcgi; uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;
  server {{ listen 127.0.0.1:{port}; root {root}; }} }}
''')
    started = time.perf_counter()
    proc = subprocess.Popen(['nginx', '-c', conf, '-g', 'daemon off;'],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        first = wait_for(port, '/index.json', started)
        time.sleep(0.2)  # the workers are up
        return first, kb(proc.pid, 'VmRSS')
    finally:
        proc.terminate()
        proc.wait()


def main():
    empty, demo = os.path.join(work, 'empty.db'), os.path.join(work, 'demo.db')
    subprocess.run([BIN, 'init', '--db', empty], check=True, capture_output=True)
    subprocess.run([BIN, 'demo', '--db', demo], check=True, capture_output=True)
    runs = {'empty': [server_round(empty) for _ in range(ROUNDS)],
            'demo': [server_round(demo) for _ in range(ROUNDS)]}
    ref = [nginx_round() for _ in range(ROUNDS)]
    med = lambda xs: statistics.median(xs)
    ref_first, ref_rss = med([r[0] for r in ref]) * 1000, med([r[1] for r in ref])
    figures = {'rounds': ROUNDS, 'nginx_first_answer_ms': ref_first, 'nginx_rss_kb': ref_rss}
    rows = []
    for name, rs in runs.items():
        listening, ready = med([r[0] for r in rs]) * 1000, med([r[1] for r in rs]) * 1000
        idle, peak = med([r[2] for r in rs]), med([r[3] for r in rs])
        figures[name] = {'first_answer_ms': listening, 'ready_ms': ready, 'idle_rss_kb': idle,
                         'peak_rss_kb': peak}
        rows.append((f'{name} database: first answer (/healthz)', f'{listening:.1f} ms',
                     f'nginx {ref_first:.1f} ms', f'{listening / ref_first:.1f}x the time'))
        rows.append((f'{name} database: first database answer (/readyz)', f'{ready:.1f} ms',
                     f'nginx {ref_first:.1f} ms', f'{ready / ref_first:.1f}x the time'))
        rows.append((f'{name} database: memory idle; peak after the main pages',
                     f'{idle / 1024:.1f} MB; ' + (f'{peak / 1024:.1f} MB' if peak else 'no user'),
                     f'nginx {ref_rss / 1024:.1f} MB', f'{idle / ref_rss:.1f}x the memory'))
    print_and_save('startup', ('work', 'ours', 'reference', 'ratio'), rows, figures)

if __name__ == '__main__':
    try:
        main()
    finally:
        subprocess.run(['rm', '-rf', work])
