// Prints the frames drawn and the CPU used by the real kiosk left alone on the board: it starts
// the kiosk binary in a 1920x1080 window at 18:00 on the demo festival's first evening, lets it
// run for a while after its first frame, stops it with SIGTERM and reads its own count of frames
// drawn. The kiosk draws only when something changes (the minute, the language, a page), so it
// should spend almost no CPU. With DISPLAY set the window is a real X window (e.g. under Xvfb);
// without, SDL's offscreen driver stands in.
//   bench_idle [--seconds N] [--size WxH] [--kiosk PATH]
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/bench/kiosk_process.hpp"

namespace {

using aff::bench::KioskProcess;

// The kiosk's closing line: "kiosk: F frames drawn in S s".
bool frames_drawn(const KioskProcess& kiosk, long& frames, long& seconds) {
    const std::string line = kiosk.line_with(" frames drawn in ");
    return std::sscanf(line.c_str(), "kiosk: %ld frames drawn in %ld s", &frames, &seconds) == 2;
}

// The scratch directory goes with the run, however it ends.
struct ScratchDir {
    std::filesystem::path path;
    ~ScratchDir() { std::filesystem::remove_all(path); }
};

double since_s(KioskProcess::Clock::time_point t0, KioskProcess::Clock::time_point t1) {
    return std::chrono::duration<double>(t1 - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    int seconds = 60;
    std::string size = "1920x1080";
    std::string kiosk = AFF_KIOSK_BINARY;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--seconds") seconds = std::max(1, std::atoi(argv[i + 1]));
        else if (flag == "--size") size = argv[i + 1];
        else if (flag == "--kiosk") kiosk = argv[i + 1];
        else {
            std::fprintf(stderr, "usage: bench_idle [--seconds N] [--size WxH] [--kiosk PATH]\n");
            return 2;
        }
    }
    // One per run, so that runs side by side (offscreen and under Xvfb) keep their own caches.
    const ScratchDir scratch{std::filesystem::temp_directory_path() /
                             ("aff-bench-idle-" + std::to_string(getpid()))};
    const auto& dir = scratch.path;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto db = (dir / "cache.db").string();
    aff::bench::kiosk_window_environment();
    const char* at = "2018-09-15T18:00:00+06:00";

    // The first run fills the cache from the demo feed; the kiosk normally starts with a full
    // one. A screenshot does it without a window.
    {
        KioskProcess fill({kiosk, "--screenshot", (dir / "board.png").string(), "--db", db,
                           "--size", size, "--at", at});
        while (fill.next_line(KioskProcess::Clock::now() + std::chrono::seconds(60))) {}
        const auto exit = fill.terminate();
        if (!exit.reaped || !WIFEXITED(exit.status) || WEXITSTATUS(exit.status) != 0) {
            std::fprintf(stderr, "bench_idle: %s could not fill the cache:\n", kiosk.c_str());
            fill.show_lines();
            return 1;
        }
    }

    KioskProcess run({kiosk, "--window", "--size", size, "--at", at, "--db", db});
    const auto first = run.wait_for("first frame on screen",
                                    run.started() + std::chrono::seconds(30));
    if (!first) {
        std::fprintf(stderr, "bench_idle: %s showed no first frame:\n", kiosk.c_str());
        run.show_lines();
        return 1;
    }
    const auto first_at = KioskProcess::Clock::now();
    const auto start_cpu = aff::bench::process_cpu_seconds(run.pid());
    // Reading on keeps the pipe empty, so the kiosk never waits on it while it idles.
    const auto stop_at = first_at + std::chrono::seconds(seconds);
    while (run.next_line(stop_at)) {}
    const auto stopped_at = KioskProcess::Clock::now();
    const auto exit = run.terminate();
    long frames = 0, reported_s = 0;
    if (!exit.reaped || !frames_drawn(run, frames, reported_s)) {
        std::fprintf(stderr, "bench_idle: the kiosk did not quit cleanly on SIGTERM:\n");
        run.show_lines();
        return 1;
    }

    const double wall = since_s(run.started(), stopped_at);
    const double idle_wall = since_s(first_at, stopped_at);
    const double cpu = exit.cpu_seconds();
    const char* display = std::getenv("DISPLAY");
    std::printf("kiosk idle on the board, %s window on %s, %d s after its first frame:\n",
                size.c_str(), display ? display : "no X display", seconds);
    if (const std::string device = run.line_with("display: video driver"); !device.empty()) {
        std::printf("  the kiosk's %s\n", device.substr(device.find("display: ")).c_str());
    }
    std::printf("  frames drawn: %ld in %ld s (the kiosk's count, start-up included)\n", frames,
                reported_s);
    std::printf("  CPU, whole run:          %6.3f s in %5.1f s wall = %6.3f %% of one core\n",
                cpu, wall, 100.0 * cpu / wall);
    if (start_cpu) {
        const double idle_cpu = cpu - *start_cpu;
        std::printf("  CPU, start-up:           %6.3f s (at the first frame, from /proc, 10 ms "
                    "steps)\n",
                    *start_cpu);
        std::printf("  CPU, idle after it:      %6.3f s in %5.1f s wall = %6.3f %% of one core "
                    "(target: under 0.5 %%)\n",
                    idle_cpu, idle_wall, 100.0 * idle_cpu / idle_wall);
    }
    std::printf("  peak RSS: %.1f MB\n", exit.peak_rss_mb());
    return 0;
}
