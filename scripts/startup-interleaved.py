#!/usr/bin/env python3
# Used for BENCHMARKS.md ("Start-up against a Foundation hello-world, with the catalogue snapshot"):
#   python3 scripts/startup-interleaved.py ROUNDS "COMMAND" "COMMAND" ...   (the first command is the 1x baseline)
"""Runs each command in turn, round after round (so load from other work falls on all of them alike), and reports
per command the median and minimum wall time and the median CPU time (user+sys, children included)."""
import shlex, os, subprocess, sys, time, statistics, resource
rounds = int(sys.argv[1]); commands = sys.argv[2:]
wall = {c: [] for c in commands}; cpu = {c: [] for c in commands}
devnull = open(os.devnull, 'w')
for r in range(rounds + 3):
    for c in commands:
        t0 = time.perf_counter()
        p = subprocess.Popen(shlex.split(c), stdout=devnull, stderr=devnull)
        _, status, ru = os.wait4(p.pid, 0)
        t1 = time.perf_counter()
        if r >= 3:
            wall[c].append((t1 - t0) * 1000); cpu[c].append((ru.ru_utime + ru.ru_stime) * 1000)
print(f"load average: {os.getloadavg()}")
base = statistics.median(wall[commands[0]])
for c in commands:
    m = statistics.median(wall[c])
    print(f"{m:6.1f} ms median  {min(wall[c]):6.1f} min  cpu {statistics.median(cpu[c]):5.1f} ms  x{m/base:4.2f}  {c}")
