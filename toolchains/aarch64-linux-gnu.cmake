# Cross-compile for 64-bit Raspberry Pi OS (Pi 3/4/5, Zero 2 W) on a Debian 12 host.
#
# Default: Debian multiarch. Install once (toolchains/install-deps.sh --cross arm64 does it):
#   dpkg --add-architecture arm64; apt-get install crossbuild-essential-arm64 qemu-user <dev>:arm64 ...
# With a Raspberry Pi OS image instead: -DAFF_SYSROOT=/path/to/mounted/rootfs
#
# Tests run through qemu-user: CTest uses CMAKE_CROSSCOMPILING_EMULATOR for every add_test whose
# command is a target. Under qemu, use SDL_VIDEODRIVER=dummy (offscreen hangs there).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(AFF_TRIPLE aarch64-linux-gnu)
include("${CMAKE_CURRENT_LIST_DIR}/linux-cross-common.cmake")
