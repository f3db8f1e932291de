# Runs the kiosk on the bundled demo festival: `cmake --build --preset demo` (see README).
# With a display (X11 or Wayland), it opens a window; with none, it writes screenshots of every
# screen in Kazakh, Russian and English (kiosk/screenshots.cmake) and prints their paths.
#   cmake -DKIOSK=<kiosk binary> -DOUT=<output dir> -P demo.cmake
if(NOT KIOSK OR NOT OUT)
    message(FATAL_ERROR "demo.cmake needs -DKIOSK=<path> and -DOUT=<dir>")
endif()
file(MAKE_DIRECTORY "${OUT}")
# The demo festival ran 15-19 September 2018; start the clock at a busy evening of its first day.
set(at "2018-09-15T18:00:00+06:00")
set(db "${OUT}/demo-cache.db")

if(DEFINED ENV{DISPLAY} OR DEFINED ENV{WAYLAND_DISPLAY})
    message(STATUS "Opening the kiosk in a window (staff quit: Ctrl+Alt+Shift+Q, or close it)")
    execute_process(COMMAND "${KIOSK}" --window --size 1600x900 --db "${db}" --at "${at}"
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "kiosk exited with ${rc}")
    endif()
    return()
endif()

message(STATUS "No display: writing screenshots of every screen instead")
include("${CMAKE_CURRENT_LIST_DIR}/screenshots.cmake")
