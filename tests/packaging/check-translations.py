#!/usr/bin/env python3
"""Checks each .ts catalogue against the sources, as a translator would find it.

lupdate runs on a temporary copy with the build's own source list (resources/CMakeLists.txt), so
a string added to the code shows up as unfinished and a string gone from it as vanished. Then
every message must have a finished translation that keeps the source's %1..%99 placeholders (and
%n in plural forms) and, when the source has a keyboard accelerator (&F), has exactly one too.

usage: check-translations.py LUPDATE SOURCE_LIST "LUPDATE OPTIONS" TS_FILE...
Exit status 0 when every catalogue is complete; otherwise each problem is printed with its
catalogue, context and source text.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(?:L?\d{1,2}|n)")
# An accelerator is an ampersand before a letter or digit; "&&" is a literal ampersand.
ACCELERATOR = re.compile(r"(?<!&)&(?!&)(?=\w)")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text)))


def check_message(context, message):
    source = message.findtext("source") or ""
    translation = message.find("translation")
    where = f"{context}: {source!r}"
    if translation is None:
        return [f"{where}: no <translation> element"]
    state = translation.get("type")
    if state in ("unfinished", "vanished", "obsolete"):
        reason = {
            "unfinished": "not translated yet (new or changed in the sources)",
            "vanished": "no longer in the sources (run the update_translations target)",
            "obsolete": "obsolete (run the update_translations target)",
        }[state]
        return [f"{where}: {reason}"]
    forms = [form.text or "" for form in translation.findall("numerusform")]
    if message.get("numerus") != "yes":
        forms = [translation.text or ""]
    problems = []
    for form in forms:
        if not form.strip():
            problems.append(f"{where}: empty translation")
            continue
        expected = placeholders(source)
        found = placeholders(form)
        if found != expected:
            problems.append(f"{where}: translation {form!r} has placeholders {found}, the source {expected}")
        source_accelerators = len(ACCELERATOR.findall(source))
        if source_accelerators and len(ACCELERATOR.findall(form)) != source_accelerators:
            problems.append(f"{where}: translation {form!r} must keep exactly one & accelerator")
    return problems


def check_catalogue(lupdate, source_list, options, ts_file):
    if not os.path.isfile(ts_file):
        return [f"{ts_file}: no such catalogue"]
    with tempfile.TemporaryDirectory() as scratch:
        copy = os.path.join(scratch, os.path.basename(ts_file))
        shutil.copyfile(ts_file, copy)
        command = [lupdate, *options, f"@{source_list}", "-ts", copy]
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0:
            return [f"{ts_file}: lupdate failed ({run.returncode}): {run.stderr.strip()}"]
        try:
            root = ET.parse(copy).getroot()
        except ET.ParseError as error:
            return [f"{ts_file}: not valid XML after lupdate: {error}"]
    problems = []
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name") or "?"
        for message in context.iter("message"):
            count += 1
            problems.extend(f"{os.path.basename(ts_file)}: {p}" for p in check_message(name, message))
    if count == 0:
        problems.append(f"{ts_file}: lupdate found no messages; is the source list {source_list} empty?")
    print(f"{os.path.basename(ts_file)}: {count} messages checked")
    return problems


def main(argv):
    if len(argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    lupdate, source_list, options = argv[1], argv[2], shlex.split(argv[3])
    problems = []
    for ts_file in argv[4:]:
        problems.extend(check_catalogue(lupdate, source_list, options, ts_file))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
