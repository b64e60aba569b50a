#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks that every op of the webnn dialect has lit tests: an invalid case
(an expected-error naming the op) and a textual round trip.

usage: check_op_tests.py WebNNOps.td TEST_DIR
Prints the ops lacking either and exits 1, or prints the op count."""
import pathlib
import re
import sys


def ods_text(td):
    """|td| with the dialect's own includes (the per-family op files) in
    place."""
    text = td.read_text()
    return re.sub(r'include "webnnc/Dialect/WebNN/(\w+\.td)"',
                  lambda m: ods_text(td.parent / m.group(1)), text)


def main():
    td, test_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    ops = re.findall(r'def\s+WebNN_\w+Op\s*:\s*WebNN_\w+<"([a-z0-9_]+)"',
                     ods_text(td))
    invalid, roundtrip = set(), set()
    for path in test_dir.rglob("*.mlir"):
        text = path.read_text()
        invalid.update(re.findall(r"expected-error[^\n]*'webnn\.([a-z0-9_]+)'", text))
        if "FileCheck" in text.split("\n", 1)[0]:
            roundtrip.update(re.findall(r"=\s*webnn\.([a-z0-9_]+)\s", text))
    missing = [f"{op}: no invalid case" for op in ops if op not in invalid]
    missing += [f"{op}: no round-trip case" for op in ops if op not in roundtrip]
    for line in missing:
        print(line)
    if missing:
        return 1
    print(f"{len(ops)} ops, each with invalid and round-trip cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
