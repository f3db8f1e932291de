#!/bin/sh
# Checks that the run-time package list in docs/operations.md installs every shared library the
# programs need, so that a device set up from it starts:
#   runtime_packages.sh docs/operations.md build/.../kiosk build/.../kiosk-sync
# Each library a program links directly (ELF NEEDED) must come from a listed package (the C and
# C++ run-time aside: every listed package depends on them); every library ldd resolves must come
# from a listed package or one of the packages they depend on (what apt-get installs with them).
# The package of a library is what `dpkg -S` says of its path on this machine.
set -eu
doc=$1
shift
listed=$(sed -n 's/^ *sudo apt-get install \(.*\)$/\1/p' "$doc" | head -n 1)
if [ -z "$listed" ]; then
    echo "no 'sudo apt-get install ...' line in $doc" >&2
    exit 1
fi

# The listed packages and, recursively, what they depend on (installed ones; any alternative).
closure=" "
todo=$listed
while [ -n "$todo" ]; do
    next=""
    for package in $todo; do
        case "$closure" in *" $package "*) continue ;; esac
        closure="$closure$package "
        depends=$(dpkg-query -W -f='${Depends}, ${Pre-Depends}\n' "$package" 2>/dev/null |
                  head -n 1 | tr ',|' '\n\n' | sed 's/(.*)//; s/:any//; s/ //g' | sed '/^$/d')
        next="$next $depends"
    done
    todo=$next
done

package_of() {
    dpkg -S "$1" 2>/dev/null | head -n 1 | cut -d: -f1 ||
        dpkg -S "$(readlink -f "$1")" 2>/dev/null | head -n 1 | cut -d: -f1
}

status=0
for binary in "$@"; do
    needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    ldd "$binary" | sed -n 's/^[[:space:]]*\([^ ]*\) => \(\/[^ ]*\) .*/\1 \2/p' |
        while read -r soname path; do
            package=$(package_of "$path")
            if [ -z "$package" ]; then
                package=$(package_of "$(readlink -f "$path")")
            fi
            if [ -z "$package" ]; then
                echo "$binary: $path ($soname) is in no package" >&2
                echo fail
                continue
            fi
            direct=no
            for name in $needed; do [ "$name" = "$soname" ] && direct=yes; done
            case "$package" in libc6|libstdc++6|libgcc-s1) direct=runtime ;; esac
            if [ "$direct" = yes ]; then
                case " $listed " in *" $package "*) ;; *)
                    echo "$binary links $soname, from $package, which $doc does not list" >&2
                    echo fail ;;
                esac
            fi
            case "$closure" in *" $package "*) ;; *)
                echo "$binary needs $soname, from $package, which nothing in $doc installs" >&2
                echo fail ;;
            esac
        done > "${TMPDIR:-/tmp}/runtime_packages.$$"
    if grep -q fail "${TMPDIR:-/tmp}/runtime_packages.$$"; then
        status=1
    fi
    rm -f "${TMPDIR:-/tmp}/runtime_packages.$$"
done
if [ "$status" -eq 0 ]; then
    echo "every library of $* comes with: $listed"
fi
exit "$status"
