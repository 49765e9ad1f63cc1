#!/usr/bin/env python3
"""A/B timing with the load shared fairly: the commands are run in turn, round by round
(A B C A B C ...), so a burst of load from other work hits every side alike; prints each
command's median wall time and its ratio to the first command's, and the median of the
per-round ratios (each round's runs are seconds apart, so a paired ratio is steadier).

  bench/ab.py ROUNDS 'command A' 'command B' ...
"""
import os, statistics, subprocess, sys, time

rounds = int(sys.argv[1])
cmds = sys.argv[2:]
times = [[] for _ in cmds]
for c in cmds:  # one warm-up each (page cache, dictionary cache)
    subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
load = os.getloadavg()
for r in range(rounds):
    order = list(range(len(cmds))) if r % 2 == 0 else list(reversed(range(len(cmds))))
    for i in order:
        t = time.perf_counter()
        subprocess.run(cmds[i], shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[i].append(time.perf_counter() - t)
print(f"{rounds} rounds, load average {load[0]:.2f} -> {os.getloadavg()[0]:.2f}")
base = statistics.median(times[0])
for i, c in enumerate(cmds):
    m = statistics.median(times[i])
    paired = statistics.median(t / b for t, b in zip(times[i], times[0]))
    print(f"{m:7.3f} s median  (min {min(times[i]):.3f})  x{m / base:5.2f} of A, paired x{paired:5.2f}   {c}")
