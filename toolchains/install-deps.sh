#!/bin/sh
# Installs the Debian 12 / Raspberry Pi OS Bookworm packages that building, running and testing
# the kiosk need. Idempotent, and quiet when everything is already there.
#
#   toolchains/install-deps.sh                 # native build, run and test
#   toolchains/install-deps.sh --cross arm64   # plus the arm64 cross toolchain, qemu and :arm64 libraries
#   toolchains/install-deps.sh --cross armhf   # the same for 32-bit Raspberry Pi OS
#   toolchains/install-deps.sh --list          # print the package names and do nothing
set -eu

# Build tools and the libraries the code links (headers-only libraries are arch-independent).
build="cmake ninja-build g++ pkg-config nlohmann-json3-dev libcli11-dev"
# Libraries that exist once per architecture.
libs="libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libsqlite3-dev libtomlplusplus-dev
      libfontconfig-dev libhowardhinnant-date-dev libcpputest-dev libcurl4-openssl-dev
      libsodium-dev libqrencode-dev"
# Needed at run time: the UI font (covers every Kazakh letter), a fallback for the CJK and Hangul
# of original titles, and the tz database.
runtime="fonts-noto-core fonts-droid-fallback tzdata"
# Used by the tests and by hand: minisign (signature interop), nginx (the sync tests' real HTTP
# server), clang with libFuzzer (the fuzz targets), sqlite3 (inspecting a cache), python3 (the
# demo data script).
tools="minisign nginx-light clang libclang-rt-14-dev sqlite3 python3"

cross=""
list=0
while [ $# -gt 0 ]; do
    case "$1" in
        --cross) cross="${2:-}"; shift 2 ;;
        --list) list=1; shift ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install-deps: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
done

native=$(dpkg --print-architecture)
packages="$build $runtime $tools"
# Libraries are named with their architecture: with multiarch both may be installed side by side.
for p in $libs; do packages="$packages $p:$native"; done
case "$cross" in
    "") ;;
    arm64) triple=aarch64-linux-gnu ;;
    armhf) triple=arm-linux-gnueabihf ;;
    *) echo "install-deps: --cross takes arm64 or armhf, not '$cross'" >&2; exit 2 ;;
esac
if [ -n "$cross" ]; then
    packages="$packages crossbuild-essential-$cross qemu-user"
    for p in $libs; do packages="$packages $p:$cross"; done
fi

if [ "$list" -eq 1 ]; then
    echo $packages | tr ' ' '\n'
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi

if [ -n "$cross" ] && ! dpkg --print-foreign-architectures | grep -qx "$cross"; then
    echo "install-deps: adding the $cross architecture to dpkg"
    $sudo dpkg --add-architecture "$cross"
fi

missing=""
for p in $packages; do
    dpkg-query -W -f='${db:Status-Status}\n' "$p" 2>/dev/null | grep -qx installed ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# A mirror caught mid-sync can fail one index; the install below then says what is really missing.
$sudo apt-get update -qq || echo "install-deps: apt-get update reported errors; installing anyway" >&2
# shellcheck disable=SC2086 # the list is meant to split into words
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "install-deps: done"
