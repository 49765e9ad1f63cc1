#!/usr/bin/env python3
"""A/B timing with the load shared fairly: the commands are run in turn, round by round
(A B C A B C ...), so a burst of load from other work hits every side alike; prints each
command's median wall time and its ratio to the first command's, and the median of the
per-round ratios (each round's runs are seconds apart, so a paired ratio is steadier), and the median CPU
time (user + system) of each, which other work on the machine disturbs less than wall time.

  bench/ab.py ROUNDS 'command A' 'command B' ...
"""
import os, resource, statistics, subprocess, sys, time

rounds = int(sys.argv[1])
cmds = sys.argv[2:]
times = [[] for _ in cmds]
cpus = [[] for _ in cmds]
for c in cmds:  # one warm-up each (page cache, dictionary cache)
    subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
load = os.getloadavg()
for r in range(rounds):
    order = list(range(len(cmds))) if r % 2 == 0 else list(reversed(range(len(cmds))))
    for i in order:
        t = time.perf_counter()
        u = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmds[i], shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[i].append(time.perf_counter() - t)
        v = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus[i].append(v.ru_utime + v.ru_stime - u.ru_utime - u.ru_stime)
print(f"{rounds} rounds, load average {load[0]:.2f} -> {os.getloadavg()[0]:.2f}")
base = statistics.median(times[0])
for i, c in enumerate(cmds):
    m = statistics.median(times[i])
    paired = statistics.median(t / b for t, b in zip(times[i], times[0]))
    cpu = statistics.median(cpus[i])
    print(f"{m:7.3f} s median  (min {min(times[i]):.3f})  x{m / base:5.2f} of A, paired x{paired:5.2f}"
          f"  cpu {cpu:6.3f} s (x{cpu / statistics.median(cpus[0]):4.2f})   {c}")
