#!/usr/bin/env python3
"""N rural industrial facilities (1,000,000) for the search benchmark, written straight into a
database that `khuyencong demo` or `init` made (SQLite; its triggers keep the trigram index in
step), and the fixed set of QUERIES search queries typed the way officials type them: without
diacritics, whole names or fragments of them. Deterministic (fixed seed).

Usage: gen_facilities.py DB [N] [QUERIES] > queries.json"""
import json
import random
import sqlite3
import sys
import unicodedata

KINDS = ['household_business', 'small_enterprise', 'cooperative', 'artisan']
PREFIX = {'household_business': 'Hộ kinh doanh', 'small_enterprise': 'Công ty TNHH',
          'cooperative': 'Hợp tác xã', 'artisan': 'Cơ sở nghệ nhân'}
CRAFTS = ['chế biến gỗ', 'mây tre đan', 'gốm sứ', 'dệt thổ cẩm', 'cơ khí nông nghiệp', 'nón lá',
          'chế biến chè', 'nước mắm', 'sơn mài', 'chạm bạc', 'đúc đồng', 'dệt lụa', 'bánh tráng',
          'chế biến nông sản', 'gạch không nung', 'may mặc', 'thêu ren', 'đan lát cói',
          'chế biến hải sản', 'rèn', 'in ấn bao bì', 'sản xuất nhựa', 'chế biến cà phê',
          'hương trầm', 'mộc mỹ nghệ', 'chế biến hạt điều', 'miến dong', 'rượu truyền thống']
NAMES = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hòa', 'Hùng',
         'Hưng', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Ngọc', 'Nhung',
         'Phát', 'Phong', 'Phúc', 'Phước', 'Quang', 'Sơn', 'Tâm', 'Thành', 'Thảo', 'Thịnh',
         'Thủy', 'Tiến', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Xuân', 'Yến', 'Điền', 'Lộc',
         'Tài', 'Đạt', 'Hiếu', 'Kiên', 'Lợi', 'Nghĩa', 'Thắng']
PLACES = ['Bát Tràng', 'Vạn Phúc', 'Chuông', 'Đồng Kỵ', 'Phù Lãng', 'Thổ Hà', 'Kim Bồng',
          'Phước Tích', 'Bàu Trúc', 'Tân Châu', 'Mỹ Đồng', 'Đông Hồ', 'Hương Canh', 'Thanh Hà',
          'Ninh Hiệp', 'La Phù', 'Kiêu Kỵ', 'Hạ Thái', 'Sơn Đồng', 'Phú Vinh', 'Yên Thái',
          'Cát Đằng', 'Đại Bái', 'Nam Cao', 'Xuân Lai', 'Tân Lập', 'Hòa Bình', 'Phú Lợi',
          'Tân Phú', 'Long Hòa', 'An Bình', 'Thạnh Mỹ', 'Quảng Phú', 'Đông Hòa', 'Tây Sơn']


def fold(s):
    s = s.replace('đ', 'd').replace('Đ', 'D')
    s = ''.join(c for c in unicodedata.normalize('NFD', s) if not unicodedata.combining(c))
    return ' '.join(s.lower().split())


def main():
    db_path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    n_queries = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    rng = random.Random(20261205)
    db = sqlite3.connect(db_path)
    db.executescript('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;')
    provinces = db.execute(
        "SELECT p.code, m.new_code, p.region_code, p2.name_vi FROM provinces p "
        "JOIN province_merger m ON m.old_code = p.code JOIN provinces p2 ON p2.set_year = '2025' "
        "AND p2.code = m.new_code WHERE p.set_year = '2008' ORDER BY p.code").fetchall()
    first = (db.execute('SELECT COALESCE(MAX(id), 0) FROM facilities').fetchone()[0]) + 1
    now = '2026-12-05T00:00:00Z'
    made = []

    def rows():
        for i in range(n):
            kind = rng.choice(KINDS)
            craft = rng.choice(CRAFTS)
            owner = f'{rng.choice(NAMES)} {rng.choice(NAMES)}'
            place = rng.choice(PLACES)
            name = f'{PREFIX[kind]} {craft} {owner}'
            code, new, region, province_name = rng.choice(provinces)
            commune = f'xã {place}'
            address = f'thôn {rng.randint(1, 30)}, xã {place}'
            tax = f'{rng.randint(0, 9_999_999_999):010d}'
            industry = craft
            if len(made) < 5000 and i % 200 == 0:
                made.append((name, place))
            yield (first + i, name, kind, tax, '2008', code, new, region, commune, address,
                   rng.random() < 0.2, rng.random() < 0.3, rng.random() < 0.1, industry,
                   rng.randint(1, 300),
                   fold(' '.join([name, tax, commune, address, industry, province_name])),
                   1, now, now)

    db.executemany(
        'INSERT INTO facilities (id, name, kind, tax_code, province_set, province_code, '
        'province_2025, region_code, commune, address, craft_village, women_owned, '
        'ethnic_minority_workers, industry, employees, search_text, version, created_at, '
        'updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', rows())
    # Stamped with the data's version, as the commit of a write through the server stamps its
    # facilities (migration 029): a server started on the file reads them in its first build,
    # and none is left for the next write to stamp.
    db.execute('UPDATE facility_stamps SET rev = (SELECT n FROM data_version WHERE id = 1) '
               'WHERE rev IS NULL')
    db.commit()
    # The queries: whole names, an owner's name with the craft, fragments of words, a place.
    queries = []
    for k in range(n_queries):
        name, place = rng.choice(made)
        words = fold(name).split()
        shape = k % 5
        if shape == 0:
            q = ' '.join(words)  # the whole name
        elif shape == 1:
            q = ' '.join(words[-2:])  # the owner
        elif shape == 2:
            q = ' '.join(words[-3:] + [fold(place)])  # the craft's last word, owner, place
        elif shape == 3:
            w = max(words, key=len)
            q = w[:max(3, len(w) - 1)]  # a fragment of a word
        else:
            q = ' '.join(w[:4] for w in words[-2:])  # fragments of the owner's names
        queries.append(q)
    json.dump(queries, sys.stdout, ensure_ascii=False, indent=0)


if __name__ == '__main__':
    main()
