#!/usr/bin/env python3
"""Checks the Flatpak manifest, which cannot be built here: valid JSON, the application id and
command, a Qt 6 KDE runtime, QtKeychain built as a module before the application, the keychain
D-Bus names and network access, and no file system or device access beyond the GPU.

usage: check-flatpak-manifest.py MANIFEST APP_ID BINARY
"""
import json
import os
import sys


def problems_in(manifest, app_id, binary):
    problems = []
    if manifest.get("id") != app_id:
        problems.append(f"id is {manifest.get('id')!r}, not {app_id!r}")
    if manifest.get("command") != binary:
        problems.append(f"command is {manifest.get('command')!r}, not {binary!r}")
    if manifest.get("runtime") != "org.kde.Platform" or manifest.get("sdk") != "org.kde.Sdk":
        problems.append("runtime and sdk must be org.kde.Platform and org.kde.Sdk")
    version = str(manifest.get("runtime-version", ""))
    if not version.startswith("6."):
        problems.append(f"runtime-version {version!r} is not a Qt 6 KDE runtime (6.x)")
    args = manifest.get("finish-args", [])
    for needed in ("--share=network", "--talk-name=org.freedesktop.secrets", "--talk-name=org.kde.kwalletd6",
                   "--talk-name=org.kde.kwalletd5", "--socket=wayland", "--socket=fallback-x11"):
        if needed not in args:
            problems.append(f"finish-args lacks {needed}")
    for arg in args:
        if arg.startswith("--filesystem") or arg in ("--device=all", "--socket=session-bus", "--socket=system-bus"):
            problems.append(f"finish-args grants more than the application needs: {arg}")
    modules = [module.get("name") for module in manifest.get("modules", [])]
    if modules[-1:] != [binary] or "qtkeychain" not in modules[:-1]:
        problems.append(f"modules are {modules}; qtkeychain must be built before {binary}, which comes last")
    for module in manifest.get("modules", []):
        if module.get("name") == "qtkeychain" and "-DBUILD_WITH_QT6=ON" not in module.get("config-opts", []):
            problems.append("qtkeychain must be built with -DBUILD_WITH_QT6=ON")
        for source in module.get("sources", []):
            if source.get("type") == "git" and not (source.get("tag") or source.get("commit")):
                problems.append(f"{module.get('name')}: a git source needs a tag or commit")
    return problems


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    path, app_id, binary = argv[1:]
    if os.path.basename(path) != f"{app_id}.json":
        print(f"{path}: not named {app_id}.json")
        return 1
    try:
        with open(path, encoding="utf-8") as file:
            manifest = json.load(file)
    except (OSError, json.JSONDecodeError) as error:
        print(f"{path}: {error}")
        return 1
    problems = problems_in(manifest, app_id, binary)
    for problem in problems:
        print(f"{path}: {problem}")
    if not problems:
        print(f"{path}: valid")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
