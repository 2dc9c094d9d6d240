#!/usr/bin/env python3
"""Shares of a request's busy time in a dotnet-trace profile (bench/profile.sh), by the frames named.

    dotnet-trace convert --format Speedscope TRACE.nettrace -o /tmp/t
    python3 bench/profile-share.py /tmp/t.speedscope.json SeasonRead+ sqlite3_prepare_v2 Monitor.Enter_Slowpath

The sampled thread time of dotnet-trace counts waiting threads too (idle pool threads, the socket event loop, the
file watcher, the finalizer). Samples whose innermost real frame is such a wait are left out; the rest is "busy",
the request work. For each name, the share of busy time with a frame containing it on the stack (inclusive), and
the callers that account for most of it.
"""
import collections
import json
import sys

IDLE = ("LowLevelLifoSemaphore", "Monitor.Wait(", "WaitHandle.Wait", "Interop+Sys.Read", "PollGC", "RunFinalizers",
        "WaitNative", "SocketAsyncEngine.EventLoop")
PSEUDO = ("UNMANAGED_CODE_TIME", "CPU_TIME")


def main(path, targets):
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    total = collections.Counter()
    callers = {t: collections.Counter() for t in targets}
    busy = 0.0

    def account(stack, weight):
        nonlocal busy
        names = [frames[i] for i in stack]
        real = [n for n in names if n not in PSEUDO]
        # "?!?" is an unresolved frame; on Linux the socket event loop's epoll wait shows as one.
        if not real or real[-1].startswith("Thread (") or any(w in real[-1] for w in IDLE) \
                or any("SocketAsyncEngine.EventLoop" in n for n in real[-3:]):
            return
        busy += weight
        for t in targets:
            for i, n in enumerate(names):
                if t in n:
                    total[t] += weight
                    callers[t][" <- ".join(x.split("!")[-1][:70] for x in reversed(names[max(0, i - 3):i]))] += weight
                    break

    for profile in data["profiles"]:
        if profile["type"] != "evented":
            continue
        stack, last = [], None
        for event in profile["events"]:
            if last is not None and stack:
                account(stack, event["at"] - last)
            last = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()

    print(f"busy: {busy:.0f} (the trace's time units) of request work")
    for t in targets:
        print(f"{100 * total[t] / busy:5.1f}%  {t}")
        for chain, weight in callers[t].most_common(3):
            print(f"         {100 * weight / busy:5.1f}%  from {chain}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
