#!/usr/bin/env bash
# Validates the generated desktop entry and AppStream metainfo with the tools distributions use,
# and checks that both carry the one application id.
# usage: check-desktop-files.sh APP_ID DESKTOP_FILE METAINFO_FILE
set -euo pipefail

app_id=$1 desktop=$2 metainfo=$3
for tool in desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null; then
        echo "$tool is not installed; packaging/install-deps installs it" >&2
        exit 1
    fi
done

[[ "$(basename "$desktop")" == "$app_id.desktop" ]] || { echo "$desktop: not named $app_id.desktop" >&2; exit 1; }
[[ "$(basename "$metainfo")" == "$app_id.metainfo.xml" ]] || { echo "$metainfo: not named $app_id.metainfo.xml" >&2; exit 1; }

# desktop-file-validate prints hints as well as errors; any output at all is a failure here.
report=$(desktop-file-validate "$desktop" 2>&1) || { echo "$report" >&2; exit 1; }
if [[ -n "$report" ]]; then
    echo "$report" >&2
    exit 1
fi
echo "$desktop: valid"

# --pedantic would also flag the missing screenshots; releases, description and rating are required.
appstreamcli validate --no-net --explain "$metainfo"

grep -qx "Icon=$app_id" "$desktop" || { echo "$desktop: Icon= is not $app_id" >&2; exit 1; }
grep -q "<id>$app_id</id>" "$metainfo" || { echo "$metainfo: <id> is not $app_id" >&2; exit 1; }
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || { echo "$metainfo: launchable is not $app_id.desktop" >&2; exit 1; }
for element in '<description>' '<release ' '<content_rating '; do
    grep -q "$element" "$metainfo" || { echo "$metainfo: no $element" >&2; exit 1; }
done
echo "$metainfo: valid, id $app_id"
