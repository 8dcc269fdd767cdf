"""What the Python benchmarks share: a free loopback port, and their figures printed as a table
(standard output) and written as JSON under bench/results/ (not committed)."""
import datetime
import json
import os
import socket


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def print_and_save(name, head, rows, figures):
    """Prints `rows` (tuples of strings) under `head` as an aligned table and writes `figures`
    to bench/results/NAME-DATE.json."""
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    for r in [head] + rows:
        print(' | '.join(c.ljust(w) for c, w in zip(r, widths)))
    os.makedirs('bench/results', exist_ok=True)
    stamp = datetime.datetime.now().strftime('%Y%m%d-%H%M%S')
    path = f'bench/results/{name}-{stamp}.json'
    with open(path, 'w') as f:
        json.dump(figures, f, indent=2)
    print(f'(figures in {path})')
