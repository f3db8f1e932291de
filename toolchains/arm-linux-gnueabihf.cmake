# Cross-compile for 32-bit Raspberry Pi OS (armhf: Pi 2/3/Zero 2 W with the 32-bit image) on a
# Debian 12 host.
#
# Default: Debian multiarch (toolchains/install-deps.sh --cross armhf installs it).
# With a Raspberry Pi OS image instead: -DAFF_SYSROOT=/path/to/mounted/rootfs
#
# Note: Debian's armhf is ARMv7 + VFPv3-D16; a Pi Zero/1 (ARMv6) needs Raspberry Pi OS's own
# toolchain and sysroot.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(AFF_TRIPLE arm-linux-gnueabihf)
include("${CMAKE_CURRENT_LIST_DIR}/linux-cross-common.cmake")
