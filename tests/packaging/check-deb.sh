#!/usr/bin/env bash
# Builds the Debian package from a configured and built tree with cmake --install and CPack, in a
# temporary directory, and checks it.
#   contents  the file list (binary, window executable, desktop entry, metainfo, icon, man page,
#             copyright, nothing outside /usr) and the Depends that dpkg-shlibdeps computed.
#   install   also installs it with apt-get as a user would, runs /usr/bin/lookout-desk --version
#             and removes it again. Only in CI (CI=true) as root; otherwise it is skipped (77).
# usage: check-deb.sh contents|install BUILD_DIR VERSION APP_ID BINARY
set -euo pipefail

mode=$1 build_dir=$2 version=$3 app_id=$4 binary=$5
readonly kSkipped=77

fail() {
    echo "check-deb: $*" >&2
    exit 1
}

if [[ "$mode" == install ]]; then
    if [[ "${CI:-}" != true ]]; then
        echo "Skipped: installs a package system-wide, so it runs only in CI (CI=true)"
        exit $kSkipped
    fi
    if ((EUID != 0)); then
        echo "Skipped: installing with apt-get needs root"
        exit $kSkipped
    fi
    if dpkg-query -W -f='${Status}' "$binary" 2>/dev/null | grep -q "install ok installed"; then
        echo "Skipped: $binary is already installed here, and this test would remove it"
        exit $kSkipped
    fi
fi
for tool in cmake cpack dpkg-deb dpkg-shlibdeps fakeroot; do
    command -v "$tool" >/dev/null || fail "$tool is not installed; packaging/install-deps installs it"
done
[[ -f "$build_dir/CPackConfig.cmake" ]] || fail "$build_dir has no CPackConfig.cmake; configure it first"

scratch=$(mktemp -d)
cleanup() {
    rm -rf "$scratch"
}
trap cleanup EXIT

# cmake --install lays out the FHS tree (stripped, as CPACK_STRIP_FILES asks), then CPack packs
# that tree with the project's own settings. Plain `cpack` would first build every target, tests
# included; here the tree is built already and only what is installed goes into the package.
if ! DESTDIR="$scratch/root" cmake --install "$build_dir" --prefix /usr --strip >"$scratch/install.log" 2>&1; then
    cat "$scratch/install.log" >&2
    fail "cmake --install failed; build the installed targets first (lookout-desk, lookout-desk-gui)"
fi
cat >"$scratch/config.cmake" <<CONFIG
include("$build_dir/CPackConfig.cmake")
set(CPACK_INSTALL_CMAKE_PROJECTS "")
set(CPACK_INSTALLED_DIRECTORIES "$scratch/root;.")
CONFIG
if ! cpack --config "$scratch/config.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1; then
    cat "$scratch/cpack.log" >&2
    fail "cpack failed"
fi
shopt -s nullglob
packages=("$scratch/out/${binary}_${version}_"*.deb)
((${#packages[@]} == 1)) || fail "expected one ${binary}_${version}_<arch>.deb in $scratch, found: $(ls "$scratch/out")"
deb=${packages[0]}
echo "Built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in \
    "./usr/bin/$binary" \
    "./usr/libexec/$binary/$binary-gui" \
    "./usr/share/applications/$app_id.desktop" \
    "./usr/share/metainfo/$app_id.metainfo.xml" \
    "./usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    "./usr/share/man/man1/$binary.1" \
    "./usr/share/doc/$binary/copyright"; do
    grep -qx -- "$path" <<<"$contents" || fail "$(basename "$deb") lacks $path; it holds:"$'\n'"$contents"
done
strays=$(grep -v -e '^\./$' -e '^\./usr/' <<<"$contents" || true)
[[ -z "$strays" ]] || fail "files outside /usr: $strays"
leftovers=$(grep -E '/include/|\.a$|/lib/cmake/|/tst_|/bench_' <<<"$contents" || true)
[[ -z "$leftovers" ]] || fail "development or test files in the package: $leftovers"

info=$(dpkg-deb -I "$deb")
depends=$(sed -n 's/^ Depends: //p' <<<"$info")
for library in libqt6core6 libqt6widgets6 libqt6network6 libqt6keychain1 libssl3 libc6; do
    grep -q "\b$library\b" <<<"$depends" || fail "Depends lacks $library: $depends"
done
grep -q "^ Package: $binary$" <<<"$info" || fail "the package is not named $binary"
grep -q "^ Version: $version$" <<<"$info" || fail "the package version is not $version"
echo "Depends: $depends"

if [[ "$mode" != install ]]; then
    exit 0
fi

remove() {
    apt-get remove -y "$binary" >/dev/null 2>&1 || true
    cleanup
}
trap remove EXIT
export DEBIAN_FRONTEND=noninteractive
apt-get install -y "$deb" >"$scratch/apt.log" 2>&1 || { cat "$scratch/apt.log" >&2; fail "apt-get install failed"; }
printed=$("/usr/bin/$binary" --version)
[[ "$printed" == "$binary $version" ]] || fail "/usr/bin/$binary --version printed '$printed', not '$binary $version'"
[[ "$(command -v "$binary")" == "/usr/bin/$binary" ]] || fail "$binary is not found on PATH as /usr/bin/$binary"
[[ -x "/usr/libexec/$binary/$binary-gui" ]] || fail "the window executable was not installed"
echo "Installed: $printed"
apt-get remove -y "$binary" >"$scratch/apt.log" 2>&1 || { cat "$scratch/apt.log" >&2; fail "apt-get remove failed"; }
[[ ! -e "/usr/bin/$binary" ]] || fail "/usr/bin/$binary is still there after apt-get remove"
echo "Removed again"
