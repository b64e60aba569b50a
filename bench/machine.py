# SPDX-License-Identifier: Apache-2.0
"""What bench/ reports against: one core's measured fp32 FMA peak."""
import os
import platform
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def measure_peak_gflops(work):
    """Builds and runs bench/peak.c with the system compiler for this CPU."""
    binary = os.path.join(work, "peak")
    subprocess.run(["cc", "-O2", "-march=native", os.path.join(HERE, "peak.c"),
                    "-o", binary], check=True)
    return float(subprocess.run([binary], check=True, capture_output=True,
                                text=True).stdout)


def cpu_name():
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"
