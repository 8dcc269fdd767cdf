#!/usr/bin/env python3
"""Reads an XLSX back for the tests, independently of the server's own reader: prints JSON
{"sheets": [{"name", "cells": {"B7": {"v": value, "f": formula, "s": number format}}}]}.
Numbers come out as numbers, shared and inline strings as text. Usage: read-xlsx.py FILE"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def text_of(el):
    return "".join(t.text or "" for t in el.iter("{%s}t" % NS["m"]))


def main(path):
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    shared = []
    if "xl/sharedStrings.xml" in names:
        shared = [text_of(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    styles = ET.fromstring(z.read("xl/styles.xml"))
    custom = {n.get("numFmtId"): n.get("formatCode") for n in styles.iter("{%s}numFmt" % NS["m"])}
    xfs = [x.get("numFmtId") for x in styles.find("m:cellXfs", NS).findall("m:xf", NS)]
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    out = []
    for sheet in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS):
        target = rels[sheet.get(REL)]
        root = ET.fromstring(z.read("xl/" + target.lstrip("/").removeprefix("xl/")))
        cells = {}
        for c in root.iter("{%s}c" % NS["m"]):
            kind, v, f = c.get("t"), c.find("m:v", NS), c.find("m:f", NS)
            if kind == "s":
                value = shared[int(v.text)]
            elif kind == "inlineStr":
                value = text_of(c)
            elif v is not None and v.text is not None:
                value = float(v.text)
                value = int(value) if value.is_integer() else value
            else:
                value = None
            fmt = xfs[int(c.get("s", "0"))]
            cells[c.get("r")] = {"v": value, "f": f.text if f is not None else None,
                                 "s": custom.get(fmt, fmt)}
        pane = root.find(".//m:pane", NS)
        out.append({"name": sheet.get("name"), "cells": cells,
                    "frozen": pane.get("topLeftCell") if pane is not None else None})
    json.dump({"sheets": out}, sys.stdout, ensure_ascii=False)


main(sys.argv[1])
