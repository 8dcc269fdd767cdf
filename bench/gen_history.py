#!/usr/bin/env python3
"""A national-scale history for the reports' benchmark, written straight into a database that
`khuyencong init` created (SQLite): YEARS years (20, ending 2024) of one national program and
the local programs of 63 provinces, N projects (1,000,000) spread over them with their
provinces (the 2008 set, mapped to 2025), planned outputs, plan decisions, implementation
contracts (95 %), acceptances (90 % of contracts, a few failed) with their outputs, and a
ledger of payments (LEDGER rows in all, 10,000,000: advances, payments and a few recoveries).
Deterministic (fixed seed). Usage: gen_history.py DB [N] [LEDGER] [YEARS]"""
import random
import sqlite3
import sys

db_path = sys.argv[1]
N = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
LEDGER = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000_000
YEARS = int(sys.argv[4]) if len(sys.argv) > 4 else 20
rng = random.Random(20261204)
db = sqlite3.connect(db_path)
db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;")
now = "2026-12-04T00:00:00Z"

provinces = db.execute(
    "SELECT p.code, m.new_code, p.region_code, p2.region_code FROM provinces p JOIN province_merger m "
    "ON m.old_code = p.code JOIN provinces p2 ON p2.set_year = '2025' AND p2.code = m.new_code "
    "WHERE p.set_year = '2008' ORDER BY p.code").fetchall()
contents = [r[0] for r in db.execute("SELECT code FROM contents WHERE code LIKE 'ND45-%' ORDER BY code")]
indicators = [r[0] for r in db.execute("SELECT code FROM indicators ORDER BY sort_order")]
first_year = 2025 - YEARS
years = list(range(first_year, 2025))

# Organizations: a provincial centre per province and the department.
orgs = []
for i, (code, new, region, _) in enumerate(provinces, start=1):
    orgs.append((i, f"Trung tâm Khuyến công {code}", "provincial_center", "2008", code, new, region, "", "",
                 f"trung tam khuyen cong {code}", 1, now, now))
db.executemany("INSERT INTO organizations (id, name, kind, province_set, province_code, province_2025, "
               "region_code, address, tax_code, search_text, version, created_at, updated_at) VALUES "
               "(?,?,?,?,?,?,?,?,?,?,?,?,?)", orgs)

# Programs: per year the national one (80 % of the projects) and 63 local ones.
programs, decisions = [], []
pid = 0
national, local = {}, {}
for y in years:
    pid += 1
    national[y] = pid
    programs.append((pid, f"KCQG-{y}", "KCQG", None, None, y, f"Kế hoạch khuyến công quốc gia năm {y}", 0, 1, now, now))
    for code, *_ in provinces:
        pid += 1
        local[(y, code)] = pid
        programs.append((pid, f"KCDP-{y}-{code}", "KCDP", "2008", code, y, f"Kế hoạch khuyến công địa phương {code} năm {y}", 0, 1, now, now))
budget = {p[0]: 0 for p in programs}

per_contract = max(1, LEDGER // max(1, int(N * 0.95)))
project_rows, province_rows, output_rows, item_rows = [], [], [], []
contract_rows, payment_rows, acceptance_rows, acc_output_rows = [], [], [], []
contract_id = acceptance_id = payment_id = 0
ledger_left = LEDGER


def flush(force=False):
    global project_rows, province_rows, output_rows, item_rows, contract_rows, payment_rows
    global acceptance_rows, acc_output_rows
    if not force and len(project_rows) < 50_000:
        return
    db.executemany("INSERT INTO projects (id, code, title, year, program_id, content_code, kind, implementing_org_id, "
                   "requested_vnd, counterpart_vnd, total_vnd, start_date, end_date, status, search_text, version, "
                   "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", project_rows)
    db.executemany("INSERT INTO project_provinces (project_id, position, province_set, province_code, province_2025, "
                   "region_code) VALUES (?,?,?,?,?,?)", province_rows)
    db.executemany("INSERT INTO project_outputs (project_id, indicator_code, quantity) VALUES (?,?,?)", output_rows)
    db.executemany("INSERT INTO plan_decision_items (decision_id, project_id, amount_vnd) VALUES (?,?,?)", item_rows)
    db.executemany("INSERT INTO contracts (id, project_id, level, number, signed_on, party_a, party_b, organization_id, "
                   "value_vnd, counterpart_vnd, counterpart_paid_vnd, start_on, end_on, status, advance_bp, advance_rule, "
                   "settled_on, status_reason, version, created_by, created_at, updated_at) VALUES "
                   "(?,?,'implementation',?,?,'Cục','Trung tâm',?,?,?,?,?,?,?,3000,'advance_share.default','','',1,1,?,?)",
                   contract_rows)
    db.executemany("INSERT INTO payments (id, contract_id, kind, amount_vnd, paid_on, reference, note, created_by, "
                   "created_at) VALUES (?,?,?,?,?,'','',1,?)", payment_rows)
    db.executemany("INSERT INTO acceptances (id, contract_id, number, accepted_on, verdict, accepted_vnd, conclusion, "
                   "created_by, created_at) VALUES (?,?,?,?,?,?,'',1,?)", acceptance_rows)
    db.executemany("INSERT INTO acceptance_outputs (acceptance_id, indicator_code, expected, actual) VALUES (?,?,?,?)",
                   acc_output_rows)
    project_rows, province_rows, output_rows, item_rows = [], [], [], []
    contract_rows, payment_rows, acceptance_rows, acc_output_rows = [], [], [], []


# One plan decision per program, signed at the end of the year before.
decision_of = {}
for i, p in enumerate(programs, start=1):
    decision_of[p[0]] = i
    decisions.append((i, p[0], "plan", f"{i}/QĐ", f"{p[5] - 1}-12-20", "", 1, None, "", 0, 1, now))

for n in range(1, N + 1):
    y = years[(n - 1) * len(years) // N]
    code, new, region, region25 = provinces[rng.randrange(len(provinces))]
    program = national[y] if rng.random() < 0.8 else local[(y, code)]
    content = contents[rng.randrange(len(contents))]
    amount = rng.randrange(100, 2000) * 1_000_000
    counterpart = amount * rng.randrange(0, 300) // 100 // 1_000_000 * 1_000_000
    org = provinces.index((code, new, region, region25)) + 1
    kind = "regular" if rng.random() < 0.92 else ("point" if rng.random() < 0.5 else "group")
    project_rows.append((n, f"H{y}-{n:07d}", f"Đề án {n}", y, program, content, kind, org, amount, counterpart,
                         amount + counterpart, f"{y}-03-01", f"{y}-11-30", "approved", f"de an {n}", 1, now, now))
    province_rows.append((n, 0, "2008", code, new, region25))
    ind = indicators[rng.randrange(len(indicators))]
    qty = rng.randrange(1, 20)
    output_rows.append((n, ind, qty))
    item_rows.append((decision_of[program], n, amount))
    budget[program] += amount
    if rng.random() < 0.95:
        contract_id += 1
        accepted = rng.random() < 0.9 / 0.95
        contract_rows.append((contract_id, n, f"{contract_id}/HĐ", f"{y}-02-15", org, amount, counterpart, 0,
                              f"{y}-03-01", f"{y}-11-30", "settled" if accepted else "in_progress", now, now))
        k = min(per_contract, ledger_left) if n < N else ledger_left
        if k > 0:
            advance = amount * 3 // 10
            rest = amount - advance
            payment_id += 1
            payment_rows.append((payment_id, contract_id, "advance", advance, f"{y}-03-05", now))
            for j in range(1, k):
                payment_id += 1
                if j == k - 1 and k > 3 and rng.random() < 0.05:
                    payment_rows.append((payment_id, contract_id, "recovery", 1_000_000, f"{y}-12-10", now))
                else:
                    share = max(1, rest // max(1, k - 1))
                    payment_rows.append((payment_id, contract_id, "payment", share, f"{y}-{min(12, 3 + j % 9):02d}-20", now))
            ledger_left -= k
        if accepted:
            acceptance_id += 1
            verdict = "passed" if rng.random() < 0.97 else "failed"
            acceptance_rows.append((acceptance_id, contract_id, f"{acceptance_id}/BB-NT", f"{y}-12-05", verdict,
                                    0 if verdict == "failed" else amount, now))
            acc_output_rows.append((acceptance_id, ind, qty, qty if verdict != "failed" else 0))
    flush()
flush(True)
db.executemany("INSERT INTO plan_decisions (id, program_id, kind, number, signed_on, signer, batch, scenario_id, reason, "
               "total_vnd, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
               [d[:9] + (budget[d[1]],) + d[10:] for d in decisions])
db.executemany("INSERT INTO programs (id, code, level, province_set, province_code, year, name, budget_vnd, version, "
               "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
               [p[:7] + (budget[p[0]],) + p[8:] for p in programs])
db.commit()
db.execute("ANALYZE")
print(f"{N} projects, {contract_id} contracts, {acceptance_id} acceptances, {payment_id} ledger rows, "
      f"{len(programs)} programs over {len(years)} years", file=sys.stderr)
