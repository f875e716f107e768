"""Shared by the runner scripts (each runs in its tool's own venv): JSON in on stdin, JSON out on stdout.

Request:  {"task": "dates"|"numbers", "docs": [{"id", "text", "ref": "YYYY-MM-DDTHH:MM:SS" | null}], ...}
Response: {"load_s", "run_s", "version", "results": {id: [item, ...]}, "errors": {id: message}}
Items carry 0-based, end-exclusive code-point offsets into the doc text.
"""
import json
import sys
import time


def read_request():
    return json.loads(sys.stdin.buffer.read().decode("utf-8"))


def write_response(resp):
    sys.stdout.buffer.write(json.dumps(resp, ensure_ascii=False).encode("utf-8"))
    sys.stdout.flush()


def lines_with_offsets(text, max_len=None):
    """Non-blank lines of a text with their start offsets (long documents are processed per line)."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def locate(text, surface, pos):
    """Offset of surface at or after pos, else anywhere, else -1."""
    i = text.find(surface, pos)
    return i if i >= 0 else text.find(surface)


class Timer:
    def __init__(self):
        self.t0 = time.perf_counter()

    def lap(self):
        t = time.perf_counter()
        d, self.t0 = t - self.t0, t
        return round(d, 3)
