#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks that every code block of a markdown file that names an example
file (a first line '// file: NAME', '/* file: NAME */' or '# file: NAME')
equals that file, so the snippets readers copy are the tested ones."""
import pathlib
import re
import sys

markdown = pathlib.Path(sys.argv[1])
examples = pathlib.Path(sys.argv[2])
blocks = re.findall(r"```[a-z]*\n(.*?)```", markdown.read_text(), re.S)
checked = 0
for block in blocks:
    first, _, rest = block.partition("\n")
    match = re.match(r"(?://|/\*|#) file: (\S+)", first)
    if not match:
        continue
    expected = (examples / match.group(1)).read_text()
    if rest != expected:
        sys.exit(f"{markdown}: the snippet of {match.group(1)} differs from "
                 f"{examples / match.group(1)}")
    checked += 1
if checked == 0:
    sys.exit(f"{markdown}: no snippet names an example file")
print(f"{checked} snippets match their example files")
