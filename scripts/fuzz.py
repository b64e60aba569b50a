#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs one webnnc libFuzzer target and summarizes the run.

  fuzz.py FUZZER --seconds N --work DIR [--seed-glob GLOB]... [--keep]
  fuzz.py FUZZER --replay DIR

A run starts from DIR/corpus (emptied first unless --keep) plus the seed
files (copied to DIR/seeds), stops after N seconds, and prints
  fuzz_X: no crash; E executions in S s (R/s), corpus C inputs (B bytes),
  coverage: cov P, ft F
or the crash, with the reproducer left under DIR/artifacts. --replay runs
every file of DIR once (the regression inputs of crashes once found).
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import time

MAX_SEED_BYTES = 1 << 20

# LLVM's headers poison the unused part of a BumpPtrAllocator slab in code
# built with ASan, but Debian's libMLIR is not: an object libMLIR allocates
# in such a slab stays poisoned and reads of it from our code are false
# reports. Manual poisoning off; every real check stays on.
ASAN_OPTIONS = "allow_user_poisoning=0:detect_leaks=1"


def environment():
    env = dict(os.environ)
    given = env.get("ASAN_OPTIONS", "")
    env["ASAN_OPTIONS"] = (given + ":" if given else "") + ASAN_OPTIONS
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
    return env


def name_of(fuzzer):
    return os.path.basename(fuzzer)


def replay(fuzzer, directory):
    files = sorted(glob.glob(os.path.join(directory, "*")))
    files = [f for f in files if os.path.isfile(f) and not f.endswith(".md")]
    if not files:
        print(f"{name_of(fuzzer)}: no regression inputs in {directory}")
        return 1
    run = subprocess.run([fuzzer, "-runs=1", *files], capture_output=True,
                         text=True, env=environment())
    if run.returncode != 0:
        sys.stdout.write(run.stderr[-20000:])
        print(f"{name_of(fuzzer)}: a regression input crashes")
        return 1
    print(f"{name_of(fuzzer)}: replayed {len(files)} inputs, no crash")
    return 0


def fuzz(fuzzer, seconds, work, seed_globs, keep, jobs):
    corpus = os.path.join(work, "corpus")
    seeds = os.path.join(work, "seeds")
    artifacts = os.path.join(work, "artifacts")
    if not keep:
        shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(seeds, ignore_errors=True)
    for d in (corpus, seeds, artifacts):
        os.makedirs(d, exist_ok=True)
    count = 0
    for pattern in seed_globs:
        for path in sorted(glob.glob(pattern, recursive=True)):
            if os.path.isfile(path) and os.path.getsize(path) <= MAX_SEED_BYTES:
                shutil.copy(path, os.path.join(seeds, f"seed{count:05d}"))
                count += 1
    command = [fuzzer, corpus, seeds, f"-max_total_time={seconds}",
               "-timeout=60", "-rss_limit_mb=4096", "-print_final_stats=1",
               f"-artifact_prefix={artifacts}/"]
    if jobs > 1:
        command += [f"-fork={jobs}", "-ignore_crashes=0"]
    start = time.time()
    log_path = os.path.join(work, "fuzz.log")
    with open(log_path, "w") as log:
        run = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT,
                             env=environment())
    elapsed = time.time() - start
    text = open(log_path, errors="replace").read()
    name = name_of(fuzzer)
    if run.returncode != 0:
        sys.stdout.write(text[-20000:])
        print(f"{name}: CRASH (exit {run.returncode}); reproducer in "
              f"{artifacts}, log {log_path}")
        return 1
    executions = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
    if not executions:
        executions = re.findall(r"^#(\d+)\s", text, re.M)
    executions = int(executions[-1]) if executions else 0
    cov = re.findall(r"cov: (\d+) ft: (\d+)", text)
    cov, ft = cov[-1] if cov else ("?", "?")
    files = [os.path.join(corpus, f) for f in os.listdir(corpus)]
    size = sum(os.path.getsize(f) for f in files)
    print(f"{name}: seeds {count}")
    print(f"{name}: no crash; {executions} executions in {elapsed:.0f} s "
          f"({executions / max(elapsed, 1):.0f}/s), corpus {len(files)} "
          f"inputs ({size} bytes), coverage: cov {cov}, ft {ft}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("fuzzer")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--work")
    parser.add_argument("--seed-glob", action="append", default=[])
    parser.add_argument("--keep", action="store_true",
                        help="continue from the corpus of an earlier run")
    parser.add_argument("--jobs", type=int, default=1,
                        help="fuzzing processes (libFuzzer -fork)")
    parser.add_argument("--replay")
    args = parser.parse_args()
    if args.replay:
        return replay(args.fuzzer, args.replay)
    if not args.work:
        parser.error("--work is required for a run")
    return fuzz(args.fuzzer, args.seconds, args.work, args.seed_glob,
                args.keep, args.jobs)


if __name__ == "__main__":
    sys.exit(main())
