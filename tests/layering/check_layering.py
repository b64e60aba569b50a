#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Fails when a file includes a header from a layer its own layer may not use.

Each folder of the product is one layer (LAYERS, lowest first). A layer may
include its own headers and those of the layers it names in `uses`, and,
through them, whatever those may use. An include is attributed to the layer
of the file it resolves to (so a header's folder, not its include path,
decides), and plain-C++ layers may not include MLIR or LLVM at all. The
table is the one DEVELOPERS.md prints; keep them together.

  check_layering.py [--root DIR]   # exit 1 and one line per violation
  check_layering.py --self-test    # the check catches a planted back-edge
  check_layering.py --print-table  # the table, as DEVELOPERS.md rows
"""
import argparse
import os
import re
import sys

# name: (folders, layers it uses, external include prefixes it may not use)
NO_MLIR = ("mlir/", "llvm/", "Halide.h")
LAYERS = {
    "runtime": (["runtime"], [], NO_MLIR),
    "spec": (["spec"], [], NO_MLIR),
    "Support": (["compiler/Support", "compiler/include/webnnc/Support"],
                ["spec"], NO_MLIR),
    "KernelSpec": (["compiler/KernelSpec",
                    "compiler/include/webnnc/KernelSpec"],
                   ["spec", "Support"], NO_MLIR),
    "dialect": (["dialects/webnn"], ["spec"], ()),
    "Graph": (["compiler/Graph", "compiler/include/webnnc/Graph"],
              ["dialect", "Support"], ()),
    "Shapes": (["compiler/Shapes", "compiler/include/webnnc/Shapes"],
               ["dialect"], ()),
    "Reference": (["compiler/Reference", "compiler/include/webnnc/Reference"],
                  ["Graph", "Support"], ()),
    "Frontend": (["compiler/Frontend", "compiler/include/webnnc/Frontend"],
                 ["Graph", "Shapes"], ()),
    "Import": (["compiler/Import", "compiler/include/webnnc/Import"],
               ["Frontend", "Support"], ()),
    "Transforms": (["compiler/Transforms",
                    "compiler/include/webnnc/Transforms"],
                   ["Graph", "Shapes", "Reference", "KernelSpec"], ()),
    "Conversion": (["compiler/Conversion",
                    "compiler/include/webnnc/Conversion"],
                   ["Transforms", "runtime"], ()),
    # The kernel generator's process: Halide and LLVM 14, never MLIR.
    "Halide": (["compiler/Codegen/Halide"], ["KernelSpec", "Support"],
               ("mlir/",)),
    "Codegen": (["compiler/Codegen", "compiler/include/webnnc/Codegen"],
                ["Graph", "KernelSpec", "Support", "runtime"], ()),
    "Driver": (["compiler/Driver", "compiler/include/webnnc/Driver"],
               ["Transforms", "Conversion", "Codegen", "Frontend"], ()),
    "webnnc-kernelgen": (["tools/webnnc-kernelgen"], ["Halide"], ("mlir/",)),
    "tools": (["tools"], ["Driver", "Import", "Reference"], ()),
}

INCLUDE_ROOTS = ["compiler/include", "spec/include", "dialects/webnn/include",
                 "runtime/include"]
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')
SOURCES = (".c", ".cpp", ".h", ".hpp", ".inc")


def layer_of(path):
    """The layer owning |path| (relative to the root): the longest folder."""
    best, best_len = None, -1
    for name, (folders, _, _) in LAYERS.items():
        for folder in folders:
            if (path == folder or path.startswith(folder + "/")) and \
                    len(folder) > best_len:
                best, best_len = name, len(folder)
    return best


def allowed_layers(name, memo={}):
    """|name| and every layer it may use, directly or through others."""
    if name not in memo:
        result = {name}
        for used in LAYERS[name][1]:
            result |= allowed_layers(used)
        memo[name] = result
    return memo[name]


def resolve(root, source, included):
    """The repository path |included| names from |source|, or None
    (system, third-party and generated headers)."""
    candidates = [os.path.join(os.path.dirname(source), included)]
    candidates += [os.path.join(r, included) for r in INCLUDE_ROOTS]
    for candidate in candidates:
        full = os.path.normpath(os.path.join(root, candidate))
        if os.path.isfile(full):
            return os.path.relpath(full, root)
    return None


PRODUCT = ["compiler", "dialects", "spec", "runtime", "tools"]


def violations(root):
    found = []
    for top in PRODUCT:
        for directory, dirs, files in os.walk(os.path.join(root, top)):
            for f in files:
                source = os.path.relpath(os.path.join(directory, f), root)
                if f.endswith(SOURCES) and layer_of(source) is None:
                    found.append(f"{source}: in no layer (add its folder to "
                                 "LAYERS and DEVELOPERS.md)")
    for name, (folders, _, forbidden) in LAYERS.items():
        for folder in folders:
            for directory, dirs, files in os.walk(os.path.join(root, folder)):
                dirs[:] = [d for d in dirs if d != "test"]
                for f in sorted(files):
                    if not f.endswith(SOURCES):
                        continue
                    source = os.path.relpath(os.path.join(directory, f), root)
                    if layer_of(source) != name:
                        continue  # a deeper folder's own layer
                    found += file_violations(root, source, name, forbidden)
    return found


def file_violations(root, source, name, forbidden):
    found = []
    with open(os.path.join(root, source), errors="replace") as text:
        for number, line in enumerate(text, 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            included = match.group(2)
            where = f"{source}:{number}: {name}"
            if any(included.startswith(p) for p in forbidden):
                found.append(f"{where} may not include <{included}>")
                continue
            target = resolve(root, source, included)
            target_layer = layer_of(target) if target else None
            if target_layer and target_layer not in allowed_layers(name):
                found.append(f"{where} may not use {target_layer} "
                             f"(\"{included}\"); {name} uses "
                             f"{', '.join(LAYERS[name][1]) or 'nothing'}")
    return found


def table_rows():
    for name, (folders, uses, forbidden) in LAYERS.items():
        rule = " (no MLIR/LLVM)" if forbidden == NO_MLIR else (
            " (no MLIR)" if forbidden else "")
        yield (f"| {name}{rule} | {', '.join('`%s/`' % f for f in folders)}"
               f" | {', '.join(uses) or '-'} |")


def self_test():
    """The check itself: a tree with one back-edge and one plain-C++ layer
    including MLIR must give exactly those two violations."""
    import tempfile
    with tempfile.TemporaryDirectory() as root:
        files = {
            "compiler/include/webnnc/Driver/Compiler.h": "",
            "compiler/include/webnnc/Graph/Graph.h": "",
            "compiler/Transforms/Fine.cpp": '#include "webnnc/Graph/Graph.h"',
            "compiler/Transforms/Bad.cpp": '#include "webnnc/Driver/Compiler.h"',
            "spec/lib/Bad.cpp": "#include <mlir/IR/Value.h>",
        }
        for path, text in files.items():
            os.makedirs(os.path.join(root, os.path.dirname(path)),
                        exist_ok=True)
            with open(os.path.join(root, path), "w") as out:
                out.write(text + "\n")
        found = violations(root)
    expected = ["compiler/Transforms/Bad.cpp:1: Transforms may not use Driver",
                "spec/lib/Bad.cpp:1: spec may not include <mlir/IR/Value.h>"]
    ok = len(found) == 2 and all(
        any(f.startswith(e) for f in found) for e in expected)
    print("\n".join(found))
    print(f"layering self-test: {'passed' if ok else 'FAILED'}")
    return 0 if ok else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    parser.add_argument("--doc", help="a file that must hold the table")
    parser.add_argument("--self-test", action="store_true",
                        help="check the checker on a tree with violations")
    parser.add_argument("--print-table", action="store_true",
                        help="print the layer table as markdown rows")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if args.print_table:
        print("\n".join(table_rows()))
        return 0
    found = violations(os.path.abspath(args.root))
    if args.doc:
        with open(args.doc) as doc:
            text = doc.read()
        found += [f"{args.doc}: lacks the row '{row}' (--print-table)"
                  for row in table_rows() if row not in text]
    for line in found:
        print(line)
    print(f"layering: {len(found)} violation(s) in {len(LAYERS)} layers")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
