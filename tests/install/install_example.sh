# SPDX-License-Identifier: Apache-2.0
# Sourced by the install tests, with $build, $source and $work set:
# install_example FILE... installs webnnc from $build into $work/prefix,
# checks that each FILE (relative to the prefix) was installed, and copies
# examples/cmake_app to $work/src (so its sources can be touched); nothing
# on PATH or in the environment points at the build tree afterwards.
install_example() {
  rm -rf "$work"
  mkdir -p "$work"
  prefix=$work/prefix
  cmake --install "$build" --prefix "$prefix" > "$work/install.log"
  for f in "$@"; do
    test -e "$prefix/$f" || { echo "FAIL: $f not installed"; exit 1; }
  done
  cp -r "$source/examples/cmake_app" "$work/src"
  unset WEBNNC_KERNELGEN || true
  PATH=/usr/bin:/bin
}
