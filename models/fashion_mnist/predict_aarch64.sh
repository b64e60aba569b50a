#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Runs the aarch64 demo under qemu on the first COUNT test images and
# checks that it predicts each exactly as the x86-64 demo did
# (fashion_predictions.txt). Run in the demo's build directory.
#   predict_aarch64.sh QEMU COUNT
set -eu
qemu=$1 count=$2
images=t10k-images-idx3-ubyte labels=t10k-labels-idx1-ubyte
if [ "$count" -lt 10000 ]; then
  # The first COUNT records, the IDX headers' counts (big-endian, bytes
  # 4-7) rewritten.
  be32() { printf "\\$(printf %03o $(($1 >> 24 & 255)))\\$(printf %03o $(($1 >> 16 & 255)))\\$(printf %03o $(($1 >> 8 & 255)))\\$(printf %03o $(($1 & 255)))"; }
  { head -c 4 "$images"; be32 "$count"; tail -c +9 "$images" | head -c $((8 + count * 784)); } > images_$count
  { head -c 4 "$labels"; be32 "$count"; tail -c +9 "$labels" | head -c "$count"; } > labels_$count
  images=images_$count labels=labels_$count
fi
"$qemu" ./fashion_demo_aarch64 "$images" "$labels" predictions_aarch64_$count.txt
head -n "$count" fashion_predictions.txt | cmp - predictions_aarch64_$count.txt
echo "aarch64 predictions: the first $count identical"
