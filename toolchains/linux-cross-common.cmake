# Shared by the Raspberry Pi toolchain files; they set AFF_TRIPLE and CMAKE_SYSTEM_PROCESSOR first.
# Not a toolchain file on its own.

set(AFF_SYSROOT "" CACHE PATH "Root of a Raspberry Pi OS image; empty for Debian multiarch")
# Keep the settings visible to try_compile() projects, which re-read this file.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES AFF_SYSROOT)

set(CMAKE_C_COMPILER "${AFF_TRIPLE}-gcc")
set(CMAKE_CXX_COMPILER "${AFF_TRIPLE}-g++")
set(CMAKE_LIBRARY_ARCHITECTURE "${AFF_TRIPLE}")
set(PKG_CONFIG_EXECUTABLE "${AFF_TRIPLE}-pkg-config" CACHE FILEPATH "pkg-config for the target")

if(AFF_SYSROOT)
    set(CMAKE_SYSROOT "${AFF_SYSROOT}")
    set(CMAKE_FIND_ROOT_PATH "${AFF_SYSROOT}")
    set(ENV{PKG_CONFIG_SYSROOT_DIR} "${AFF_SYSROOT}")
    set(ENV{PKG_CONFIG_LIBDIR}
        "${AFF_SYSROOT}/usr/lib/${AFF_TRIPLE}/pkgconfig:${AFF_SYSROOT}/usr/share/pkgconfig")
    set(_aff_qemu_prefix "${AFF_SYSROOT}")
else()
    # Multiarch: the target's own libc6:<arch> (pulled in by the :<arch> dev packages) is in the
    # host's /lib and /usr/lib/<triple>, so qemu's prefix is /. The cross toolchain's copy in
    # /usr/<triple> is a different build of glibc, and under it a program that starts a thread
    # spins forever in qemu.
    set(_aff_qemu_prefix "/")
endif()

# Programs from the host, libraries and headers from the target.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

if(CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")
    set(_aff_qemu qemu-aarch64)
else()
    set(_aff_qemu qemu-arm)
endif()
find_program(AFF_QEMU NAMES ${_aff_qemu})
if(AFF_QEMU)
    set(CMAKE_CROSSCOMPILING_EMULATOR "${AFF_QEMU};-L;${_aff_qemu_prefix}")
endif()
