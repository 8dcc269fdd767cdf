#!/usr/bin/env python3
"""Writes N projects as a CSV in the import columns (README), deterministically (fixed seed),
for the demo database's programs and organizations: bench/gen_projects.py N OUT.csv ORG_IDS.

ORG_IDS is a comma-separated list of organization ids to use as implementing units (the
benchmark reads them from the demo database). Amounts, provinces, contents and dates vary."""
import random
import sys

n, out, orgs = int(sys.argv[1]), sys.argv[2], [int(x) for x in sys.argv[3].split(',')]
rng = random.Random(20181231)
contents = ['ND45-01', 'ND45-02', 'ND45-03', 'ND45-04', 'ND45-05', 'ND45-06', 'ND45-07']
words = ['Hỗ trợ ứng dụng máy', 'Xây dựng mô hình trình diễn', 'Đào tạo nghề', 'Tư vấn',
         'sản xuất gạch không nung', 'chế biến hạt điều', 'dệt thổ cẩm', 'mây tre đan',
         'gốm sứ', 'chè Thái Nguyên', 'nước mắm Phú Quốc', 'cà phê Đắk Lắk']
cols = ['code', 'title', 'year', 'program_code', 'content_code', 'kind', 'provinces',
        'implementing_org_id', 'requested_vnd', 'counterpart_vnd', 'start', 'end', 'outputs',
        'status']
with open(out, 'w', encoding='utf-8', newline='') as f:
    f.write(','.join(cols) + '\n')
    for i in range(n):
        year = 2018 + (i % 2)
        province = '%02d' % rng.choice([1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24,
                                         25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42,
                                         44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64,
                                         66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84,
                                         86, 87, 89, 91, 92, 93, 94, 95, 96])
        requested = rng.randint(50, 3000) * 1_000_000
        title = f'{rng.choice(words)} {rng.choice(words)} số {i + 1}'
        start_m = rng.randint(3, 6)
        row = [f'B-{i + 1:06d}', title, str(year), f'KCQG-{year}', rng.choice(contents),
               'regular', f'2008:{province}', str(rng.choice(orgs)), str(requested),
               str(requested // 2), f'{year}-{start_m:02d}-01', f'{year}-{start_m + 5:02d}-28',
               f'demo_model={rng.randint(0, 2)};training_course={rng.randint(0, 3)}',
               rng.choice(['submitted', 'passed', 'approved', 'contracted'])]
        f.write(','.join(row) + '\n')
