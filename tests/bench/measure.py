"""Run one command; write its wall seconds, CPU seconds and peak memory to a JSON file.

The benchmark starts every measured process through this small one. On Linux a process
takes as its starting peak memory the peak of the process that spawned it (the kernel
carries the high-water mark across the spawn and the exec), so a booklet command started
straight from the benchmark, which holds its data and Django (over 200 MiB), reported that
figure instead of its own: 233 MiB for a demo booklet that peaks at 161. Started from here
(about 10 MiB), the figure is the command's.

    python -m tests.bench.measure RESULT_FILE COMMAND...
"""

import json
import os
import subprocess
import sys
import time


def main() -> None:
    result_file, *command = sys.argv[1:]
    start = time.perf_counter()
    process = subprocess.Popen(command)
    _pid, status, usage = os.wait4(process.pid, 0)
    figures = {
        "wall_s": time.perf_counter() - start,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_mib": usage.ru_maxrss / 1024,
        "exit_code": os.waitstatus_to_exitcode(status),
    }
    with open(result_file, "w") as out:
        json.dump(figures, out)


if __name__ == "__main__":
    main()
