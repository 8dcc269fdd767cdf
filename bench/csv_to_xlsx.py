#!/usr/bin/env python3
"""Writes a CSV as an XLSX workbook of one sheet, as a spreadsheet program saves one: text in
the shared strings, whole numbers as numbers: bench/csv_to_xlsx.py IN.csv OUT.xlsx.
(The standard library only: the XLSX parts are written by hand.)"""
import csv
import sys
import zipfile
from xml.sax.saxutils import escape

src, out = sys.argv[1], sys.argv[2]
strings, index = [], {}


def col_name(i):
    name = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def cell(ref, value):
    if value.isdigit() and len(value) < 16 and not value.startswith('0'):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if value not in index:
        index[value] = len(strings)
        strings.append(value)
    return f'<c r="{ref}" t="s"><v>{index[value]}</v></c>'


rows = []
with open(src, encoding='utf-8', newline='') as f:
    for r, row in enumerate(csv.reader(f), start=1):
        cells = ''.join(cell(f'{col_name(c)}{r}', v) for c, v in enumerate(row) if v != '')
        rows.append(f'<row r="{r}">{cells}</row>')

main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
pkg = 'http://schemas.openxmlformats.org/package/2006/relationships'
ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml'
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml',
               '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
               'package/2006/content-types"><Default Extension="rels" ContentType="application/'
               'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
               'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
               f'ContentType="{ct}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
               f'ContentType="{ct}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" '
               f'ContentType="{ct}.sharedStrings+xml"/></Types>')
    z.writestr('_rels/.rels', f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">'
               f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
               '</Relationships>')
    z.writestr('xl/workbook.xml', f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" '
               f'xmlns:r="{rel}"><sheets><sheet name="projects" sheetId="1" r:id="rId1"/></sheets>'
               '</workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', f'<?xml version="1.0" encoding="UTF-8"?><Relationships '
               f'xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet" '
               'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
               f'Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', f'<?xml version="1.0" encoding="UTF-8"?><worksheet '
               f'xmlns="{main}"><sheetData>' + ''.join(rows) + '</sheetData></worksheet>')
    z.writestr('xl/sharedStrings.xml', f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" '
               f'count="{len(strings)}" uniqueCount="{len(strings)}">' +
               ''.join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + '</sst>')
