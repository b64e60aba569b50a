#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Counts the results of JUnit/xUnit XML files (CTest's and lit's) and
prints "N passed, N failed" as the last line. Skipped tests are listed and
counted apart, never as passed. A missing or unreadable file counts as one
failure. Exits 1 if anything failed."""
import sys
import xml.etree.ElementTree as ET


def main():
    passed = failed = 0
    skipped = []
    for path in sys.argv[1:]:
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as error:
            print(f"{path}: no results ({error})")
            failed += 1
            continue
        for case in root.iter("testcase"):
            name = f"{case.get('classname', '')}.{case.get('name', '')}".strip(".")
            status = case.get("status", "")
            if case.find("failure") is not None or case.find("error") is not None \
                    or status == "fail":
                failed += 1
            elif case.find("skipped") is not None or status in ("notrun", "disabled"):
                skipped.append(name)
            else:
                passed += 1
    for name in skipped:
        print(f"skipped: {name}")
    print(f"{len(skipped)} skipped")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
