# Renders every screen of the kiosk on the bundled demo festival, in Kazakh, Russian and English,
# landscape (1920x1080) and portrait (1080x1920), with SDL's headless driver:
#   cmake -DKIOSK=<kiosk binary> -DOUT=<output dir> -P kiosk/screenshots.cmake
# docs/screenshots/ holds its output; the demo (kiosk/demo.cmake) uses it without a display.
if(NOT KIOSK OR NOT OUT)
    message(FATAL_ERROR "screenshots.cmake needs -DKIOSK=<path> and -DOUT=<dir>")
endif()
file(MAKE_DIRECTORY "${OUT}")
set(db "${OUT}/screenshots-cache.db")
file(REMOVE "${db}" "${db}-wal" "${db}-shm")
file(REMOVE_RECURSE "${OUT}/assets")  # the demo's posters, beside the cache (--assets)

# name | --screen | --at (the demo festival ran 15-19 September 2018 in Asia/Almaty, UTC+6 then)
set(shots
    "board|board|2018-09-15T18:00:00+06:00"            # the opening evening at the Palace
    "hall|hall:palace-grand|2018-09-15T18:50:00+06:00"  # doors open for the 19:00 premiere
    "day|day|2018-09-15T18:00:00+06:00"
    "film|film:sea-that-left|2018-09-15T18:00:00+06:00"
    "moved|board|2018-09-16T15:20:00+06:00"            # Paper Cranes moved to the Blue Hall
    "moved-hall|hall:palace-chamber|2018-09-16T15:20:00+06:00"  # its old hall's door
    "emergency|board|2018-09-18T16:01:00+06:00"       # an evacuation notice, every language at once
    "untrusted|board|1970-01-01T00:01:00Z"             # a Pi with no RTC, booted offline
)
foreach(shot IN LISTS shots)
    string(REPLACE "|" ";" parts "${shot}")
    list(GET parts 0 name)
    list(GET parts 1 screen)
    list(GET parts 2 at)
    foreach(lang IN ITEMS kk ru en)
        if(name STREQUAL "emergency" AND NOT lang STREQUAL "kk")
            continue()  # it shows all three languages whatever the kiosk speaks
        endif()
        foreach(shape IN ITEMS landscape portrait)
            if(shape STREQUAL "landscape")
                set(size 1920x1080)
                set(png "${OUT}/${name}-${lang}.png")
            else()
                set(size 1080x1920)
                set(png "${OUT}/${name}-${lang}-portrait.png")
            endif()
            if(name STREQUAL "emergency")
                string(REPLACE "-kk" "" png "${png}")
            endif()
            execute_process(COMMAND "${CMAKE_COMMAND}" -E env SDL_VIDEODRIVER=offscreen
                            "${KIOSK}" --screenshot "${png}" --db "${db}" --at "${at}"
                            --lang ${lang} --screen ${screen} --size ${size}
                            RESULT_VARIABLE rc OUTPUT_QUIET)
            if(NOT rc EQUAL 0)
                message(FATAL_ERROR "kiosk --screenshot failed (${rc}): ${name} ${lang} ${size}")
            endif()
            message("${png}")
        endforeach()
    endforeach()
endforeach()
# The board on a 7" 800x480 panel (133 dpi, docs/operations.md), at the default type and at the
# largest type scale the kiosk accepts: every hall on a page of rows, none left out.
foreach(shot IN ITEMS "board-800x480-ru|100" "board-800x480-kk-type-140|140")
    string(REPLACE "|" ";" parts "${shot}")
    list(GET parts 0 name)
    list(GET parts 1 scale)
    string(REGEX MATCH "-(kk|ru|en)" lang "${name}")
    string(SUBSTRING "${lang}" 1 2 lang)
    set(png "${OUT}/${name}.png")
    execute_process(COMMAND "${CMAKE_COMMAND}" -E env SDL_VIDEODRIVER=offscreen
                    "${KIOSK}" --screenshot "${png}" --db "${db}" --at 2018-09-15T18:00:00+06:00
                    --lang ${lang} --size 800x480 --dpi 133 --type-scale ${scale}
                    RESULT_VARIABLE rc OUTPUT_QUIET)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "kiosk --screenshot failed (${rc}): ${name}")
    endif()
    message("${png}")
endforeach()
file(REMOVE "${db}" "${db}-wal" "${db}-shm")
file(REMOVE_RECURSE "${OUT}/assets")
