"""The plan benchmark's table from bench/run-plan's raw files (one set per size)."""
import json
import re
import sys
from pathlib import Path


def timing(text):
    t = re.search(r"TIME ([\d.]+) (\d+)", text)
    return (float(t.group(1)), int(t.group(2)) // 1024) if t else None


def outside(label, text, value):
    t = timing(text)
    if not t:
        return "over the limit"
    if value is None:
        return f"no answer, {t[0]:.2f} s"
    return f"{value:.1f}, {t[0]:.2f} s, {t[1]} MB"


def main():
    work = Path(sys.argv[1])
    print("| proposals | plan builder: status, time, memory | gap | value / rank-by-score |"
          " cbc command: value, time, memory | glpsol command: value, time, memory |")
    print("|---|---|---|---|---|---|")
    for n in sys.argv[2:]:
        ours = json.loads((work / f"{n}.ours.json").read_text())
        cbc = (work / f"{n}.cbc.txt").read_text()
        v = re.search(r"Objective value:\s*([-\d.e+]+)", cbc)
        glp_text = (work / f"{n}.glpsol.txt").read_text()
        out = work / f"{n}.glpsol.out"
        g = re.search(r"Objective:\s+obj = ([-\d.e+]+)", out.read_text()) if out.exists() else None
        print(f"| {int(n):,} | {ours['status']}, {ours['ms'] / 1000:.2f} s, {ours['peak_mb']} MB"
              f" | {ours['gap'] * 100:.4f} % | {ours['value'] / ours['rank_by_score']:.3f}"
              f" ({ours['value']:.1f} / {ours['rank_by_score']:.1f})"
              f" | {outside('cbc', cbc, float(v.group(1)) if v else None)}"
              f" | {outside('glpsol', glp_text, float(g.group(1)) if g else None)} |")


main()
