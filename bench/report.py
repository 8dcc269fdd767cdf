#!/usr/bin/env python3
"""Turns a benchmark's key=value figures into a table (standard output) with the ratio of
each figure to its reference measured in the same run, and a JSON file under bench/results/
(not committed). Usage: report.py NAME FIGURES_FILE"""
import datetime
import json
import os
import sys

name, path = sys.argv[1], sys.argv[2]
f = {}
for line in open(path, encoding='utf-8'):
    k, _, v = line.strip().partition('=')
    f[k] = v


def ms(text):
    """wrk's '3.21ms', '512.00us', '1.02s' in milliseconds."""
    for unit, scale in (('us', 0.001), ('ms', 1.0), ('s', 1000.0)):
        if text.endswith(unit):
            return float(text[:-len(unit)]) * scale
    return float('nan')


rows = []
if 'import.seconds' in f:
    pairs = [('import', 'import_ref', f"import {f['rows']} projects (CSV), SQLite"),
             ('import_xlsx', 'import_ref', f"import {f['rows']} projects (XLSX), SQLite"),
             ('import_floor', 'import_ref',
              "floor: the same rows copied by SQL into the register's tables, SQLite"),
             ('import', 'import_floor', "import (CSV) against that floor, SQLite"),
             ('export', 'export_ref', f"export {f['rows']} projects (CSV), SQLite")]
    if 'pg_import.seconds' in f:
        pairs += [('pg_import', 'pg_import_ref', f"import {f['rows']} projects, PostgreSQL"),
                  ('pg_import_floor', 'pg_import_ref',
                   "floor: the same rows copied by SQL into the register's tables, PostgreSQL"),
                  ('pg_import', 'pg_import_floor', "import against that floor, PostgreSQL"),
                  ('pg_export', 'pg_export_ref', f"export {f['rows']} projects, PostgreSQL")]
    pairs = [p for p in pairs if p[0] + '.seconds' in f and p[1] + '.seconds' in f]
    for what, ref, label in pairs:
        ours, base = float(f[what + '.seconds']), float(f[ref + '.seconds'])
        rows.append((label, f"{ours:.2f} s, {int(f[what + '.rss_kb']) // 1024} MB",
                     f"{base:.2f} s", f"{ours / base:.1f}x the time"))
for key, label in (('list_c64', 'GET 50-row list, c64'), ('list_c256', 'GET 50-row list, c256'),
                   ('detail_c64', 'GET one project, c64'),
                   ('pg_list_c64', 'GET 50-row list, c64, PostgreSQL'),
                   ('pg_list_c256', 'GET 50-row list, c256, PostgreSQL'),
                   ('pg_detail_c64', 'GET one project, c64, PostgreSQL')):
    if key + '.rps' not in f:
        continue
    nginx = key.replace('_c', '_nginx_c')
    ours, base = float(f[key + '.rps']), float(f[nginx + '.rps'])
    rows.append((label, f"{ours:,.0f} req/s, p99 {ms(f[key + '.p99']):.1f} ms",
                 f"nginx {base:,.0f} req/s, p99 {ms(f[nginx + '.p99']):.1f} ms",
                 f"{ours / base:.2f} of nginx"))
    django = key.replace('_c', '_django_c')
    if django + '.rps' in f:
        dj = float(f[django + '.rps'])
        rows.append((label + ', against Django', f"{ours:,.0f} req/s, p99 {ms(f[key + '.p99']):.1f} ms",
                     f"Django REST framework {dj:,.0f} req/s, p99 {ms(f[django + '.p99']):.1f} ms",
                     f"{ours / dj:,.0f}x Django"))
if 'annual_program.seconds' in f:
    ref = float(f['sqlite_indexed.ms'])
    refs = f"sqlite3 {float(f['sqlite_plain.ms']):.0f} ms plain, {ref:.0f} ms indexed" + (
        f", PostgreSQL {float(f['pg_plain.ms']):.0f} ms" if 'pg_plain.ms' in f else '') + (
        f"; C++ scan {float(f['scan.ms']):.1f} ms")
    for key, label in (('annual_program', 'annual report of one program year (the dashboard)'),
                       ('annual_year', "annual report of all the year's programs"),
                       ('province', "a province's profile over 20 years"),
                       ('period', 'a five-year period')):
        ours = float(f[key + '.seconds']) * 1000
        rows.append((f"{label}, {int(f['projects']):,} projects", f"{ours:,.0f} ms (whole process)",
                     refs, f"{ours / ref:.1f}x indexed SQL, {ours / float(f['scan.ms']):,.0f}x the scan"))
    pg = float(f['pg_plain.ms']) if 'pg_plain.ms' in f else float('nan')
    for key, label in (('http_annual_program', 'the dashboard (one program year)'),
                       ('http_annual_year', "all the year's programs"),
                       ('http_province', "a province's profile over 20 years"),
                       ('http_period', 'a five-year period')):
        if key + '.median_ms' not in f:
            continue
        ours = float(f[key + '.median_ms'])
        rows.append((f"{label} from the server's facts in memory (HTTP)",
                     f"{ours:,.1f} ms median, {float(f[key + '.max_ms']):,.1f} ms slowest of 21",
                     refs, f"{ours / float(f['scan.ms']):,.1f}x the scan, "
                           f"{pg / ours:,.1f}x faster than PostgreSQL's SQL"))
    if 'facts_load_ms' in f:
        rows.append(("the server's facts: loading at start-up, memory",
                     f"{int(f['facts_load_ms']) / 1000:.1f} s, {int(f['facts_bytes']) // 1048576} MB "
                     f"of facts; server peak {int(f['server_rss_kb']) // 1024} MB",
                     "target: server under 1 GB", ""))
    rows.append((f"open-data export of {int(f['projects']):,} projects",
                 f"{float(f['open_data.seconds']):.1f} s, {int(f['open_data.rss_kb']) // 1024} MB, "
                 f"{int(f['open_data_bytes']) // 1048576} MB of JSON", "target: 30 s, 500 MB",
                 f"{float(f['open_data.seconds']) / 30:.2f} of the time budget"))
width = [max(len(r[i]) for r in rows + [('work', 'ours', 'reference', 'ratio')]) for i in range(4)]
for r in [('work', 'ours', 'reference', 'ratio')] + rows:
    print(' | '.join(c.ljust(w) for c, w in zip(r, width)))
os.makedirs('bench/results', exist_ok=True)
stamp = datetime.datetime.now().strftime('%Y%m%d-%H%M%S')
out = f'bench/results/{name}-{stamp}.json'
json.dump({'figures': f, 'table': rows}, open(out, 'w'), ensure_ascii=False, indent=1)
print(f'(figures in {out})')
