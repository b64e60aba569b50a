#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Builds and runs the complete programs in a documentation page.

Fenced blocks tagged `file=NAME` are written out; the `.mlir` one is
compiled with webnnc (object + header), every `.c`/`.cpp` one is compiled
and linked with it and the runtime, run, and its output compared with the
block tagged `output=<program stem>`. Fails on any difference.

--webnnc-flag adds a flag to the models' compile (e.g. --deterministic).
With --target (e.g. aarch64) the model is compiled for that target, the
programs with --cc/--cxx (the cross compilers) against that target's
--runtime, and run under --emulator.
"""
import argparse
import pathlib
import re
import subprocess
import sys

FENCE = re.compile(r"^```(\w+)\s+(file|output)=(\S+)\n(.*?)^```", re.M | re.S)


def run(cmd, cwd):
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"FAILED: {' '.join(map(str, cmd))}\n{result.stdout}{result.stderr}")
    return result.stdout


def main():
    parser = argparse.ArgumentParser()
    for flag in ("doc", "webnnc", "include", "runtime", "workdir"):
        parser.add_argument("--" + flag, required=True)
    parser.add_argument("--cc", default="cc")
    parser.add_argument("--cxx", default="c++")
    parser.add_argument("--target", default="host")
    parser.add_argument("--webnnc-flag", action="append", default=[],
                        help="another webnnc flag for the models (repeatable)")
    parser.add_argument("--emulator", default="",
                        help="a command running the programs, split on spaces")
    args = parser.parse_args()

    args.include = str(pathlib.Path(args.include).resolve())
    args.runtime = str(pathlib.Path(args.runtime).resolve())
    work = pathlib.Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    files, outputs = {}, {}
    for _, kind, name, body in FENCE.findall(pathlib.Path(args.doc).read_text()):
        (files if kind == "file" else outputs)[name] = body
    models = [n for n in files if n.endswith(".mlir")]
    programs = [n for n in files if n.endswith((".c", ".cpp"))]
    if not models or not programs:
        sys.exit("FAILED: the page has no model or no program snippet")
    for name, body in files.items():
        (work / name).write_text(body)
    objects = []
    for model in models:
        stem = pathlib.Path(model).stem
        run([args.webnnc, model, "--target", args.target, "-o", stem + ".o",
             "--header", stem + ".h", *args.webnnc_flag], work)
        objects.append(stem + ".o")
    for program in programs:
        stem = pathlib.Path(program).stem + ("_cpp" if program.endswith(".cpp") else "")
        compiler = [args.cxx, "-std=c++20"] if program.endswith(".cpp") else [args.cc, "-std=c11"]
        run(compiler + ["-Wall", "-Werror", "-o", stem, program, *objects,
                        "-I.", "-I" + args.include, args.runtime, "-lpthread", "-lm"], work)
        got = run(args.emulator.split() + ["./" + stem], work)
        want = outputs.get(stem)
        if want is None:
            sys.exit(f"FAILED: no `output={stem}` block for {program}")
        if got != want:
            sys.exit(f"FAILED: {program} printed\n{got}\nthe page says\n{want}")
        print(f"{program}: ran, output as documented")


if __name__ == "__main__":
    main()
