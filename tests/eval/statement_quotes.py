#!/usr/bin/env python3
"""Every statement-table event carries its quotation and attribution when the text has them.

usage: statement_quotes.py DYAD DOC...

For each event coded from a statement-table row (a row ending in ':' whose next lines are
quoted, `- “…”`), every quoted line must be among the event's `quote`, and when the row names a
news agency in its closing parentheses ("(조선중앙통신):") the event's `attribution` must be that
agency. Agencies are the MED organisations of data/lexicon/actors.tsv. Prints one line per
failing event and a summary; exits non-zero on any failure.
"""
import json
import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def agencies():
    names = []
    for line in open(os.path.join(TOP, "data/lexicon/actors.tsv"), encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) > 5 and cols[1] == "org" and cols[2].endswith("MED"):
            names += [n for n in cols[5].split("|") if n]
    return sorted(names, key=len, reverse=True)


def squash(s):
    return re.sub(r"\s+", "", s)


def quoted_lines(text, end):
    """The “…” of the `- “…”` lines that follow byte `end` of the document."""
    rest = text[end:]
    out = []
    for m in re.finditer(r"\s*-\s*“(.*?)”[ \t]*\n", rest, re.S):
        if rest[: m.start()].strip():
            break
        out.append(squash(m.group(1)))
        rest = rest[m.end():]
        m = None
    return out


def main():
    dyad, docs = sys.argv[1], sys.argv[2:]
    known = agencies()
    checked = failed = 0
    for doc in docs:
        data = open(doc, "rb").read()
        p = subprocess.run([dyad, "code", "--no-merge", "--format", "jsonl", doc],
                           capture_output=True, text=True)
        if p.returncode != 0:
            print(f"FAIL {doc}: dyad code exit {p.returncode}: {p.stderr.strip()}")
            failed += 1
            continue
        for line in p.stdout.splitlines():
            ev = json.loads(line)
            if ev.get("section") != "table" or not ev["evidence"].rstrip().endswith(":"):
                continue
            end = ev["span"][1]
            text = data[end:].decode("utf-8", "replace")
            want = quoted_lines(text, 0)
            row = ev["evidence"]
            agency = None
            paren = re.search(r"\(([^()]*)\)\s*:\s*$", row)
            if paren:
                agency = next((a for a in known if a in paren.group(1)), None)
            checked += 1
            got = [squash(q) for q in ev.get("quote", [])]
            problems = []
            for q in want:
                if q not in got:
                    problems.append(f"quotation “{q[:40]}” missing")
            if agency and ev.get("attribution") != agency:
                problems.append(f"attribution {ev.get('attribution')!r}, want {agency!r}")
            if problems:
                failed += 1
                print(f"FAIL {doc}:{ev['span'][0]} {row[:60]}: " + "; ".join(problems))
    print(f"{checked} statement events checked, {failed} failing")
    sys.exit(1 if failed or checked == 0 else 0)


if __name__ == "__main__":
    main()
