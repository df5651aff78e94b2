"""A stand-in for the Graphviz worker that misbehaves on purpose (chosen by FAKE_WORKER_MODE).

crash: dies from a signal; fail: exits 3 with a reason; garbage: prints non-JSON;
wrong: prints JSON that is not a layout answer; hang: never answers; count: records that it
ran (in FAKE_WORKER_LOG) and then behaves like the real worker; slow: starts late (reads
nothing for a second, as a cold start on a busy laptop does) and then is the real worker.
"""

from __future__ import annotations

import os
import signal
import sys
import time


def main() -> int:
    mode = os.environ.get("FAKE_WORKER_MODE", "")
    if mode == "slow":
        time.sleep(1.0)
        from icsviewer.layout.worker import main as real_main

        return real_main()
    sys.stdin.read()
    if mode == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    if mode == "fail":
        print("syntax error in line 1", file=sys.stderr)
        return 3
    if mode == "garbage":
        sys.stdout.write("this is not json {")
        return 0
    if mode == "wrong":
        sys.stdout.write('{"bb": "0,0,10", "nodes": {}}')
        return 0
    if mode == "hang":
        time.sleep(600)
    return 0


if __name__ == "__main__":
    sys.exit(main())
