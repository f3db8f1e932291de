// Prints the time from process start to the first full frame, and the peak RSS, of the real
// kiosk binary started as a person would, several times: in screenshot mode (process start to
// PNG written), and in a window (fork to the kiosk's "first frame on screen" line on its stdout,
// then SIGTERM). With DISPLAY set the window is a real X window (e.g. under Xvfb); without, SDL's
// offscreen driver stands in.
//   bench_first_frame [--runs N] [--size 1920x1080] [--kiosk PATH]
#include <fcntl.h>
#include <sys/resource.h>
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
#include "tests/bench/median.hpp"

namespace {

using aff::bench::KioskProcess;
using aff::bench::median;

struct Run {
    double wall_ms = 0;
    double peak_rss_mb = 0;
    int status = 0;
};

Run run_kiosk(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    auto t0 = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        // Keep the kiosk's "wrote ..." lines out of the figures; errors still show.
        if (int null = open("/dev/null", O_WRONLY); null >= 0) dup2(null, STDOUT_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    auto t1 = std::chrono::steady_clock::now();
    return {std::chrono::duration<double, std::milli>(t1 - t0).count(),
            static_cast<double>(usage.ru_maxrss) / 1024.0, status};
}

struct WindowRun {
    bool ok = false;
    double to_first_frame_ms = 0;  // fork to the line on our pipe
    long kiosk_ms = 0;             // the kiosk's own figure, from its start
    double peak_rss_mb = 0;
    aff::bench::Memory at_first_frame;  // resident memory when the line arrived
    std::string device;  // the kiosk's line naming its video driver and renderer
};

WindowRun run_window(const std::vector<std::string>& args) {
    WindowRun run;
    KioskProcess kiosk(args);
    const auto line = kiosk.wait_for("first frame on screen",
                                     kiosk.started() + std::chrono::seconds(30));
    if (!line) {
        kiosk.show_lines();
        return run;
    }
    run.to_first_frame_ms =
        std::chrono::duration<double, std::milli>(KioskProcess::Clock::now() - kiosk.started())
            .count();
    std::sscanf(line->c_str(), "kiosk: first frame on screen %ld ms", &run.kiosk_ms);
    run.at_first_frame = aff::bench::process_memory(kiosk.pid()).value_or(aff::bench::Memory{});
    const auto exit = kiosk.terminate();
    run.ok = exit.reaped && WIFEXITED(exit.status) && WEXITSTATUS(exit.status) == 0;
    if (!run.ok) kiosk.show_lines();
    run.peak_rss_mb = exit.peak_rss_mb();
    if (std::string device = kiosk.line_with("display: video driver"); !device.empty()) {
        run.device = device.substr(device.find("display: "));
    }
    return run;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 7;
    std::string size = "1920x1080";
    std::string kiosk = AFF_KIOSK_BINARY;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
        else if (flag == "--size") size = argv[i + 1];
        else if (flag == "--kiosk") kiosk = argv[i + 1];
        else {
            std::fprintf(stderr,
                         "usage: bench_first_frame [--runs N] [--size WxH] [--kiosk PATH]\n");
            return 2;
        }
    }
    // One per run, so that runs side by side keep their own caches.
    auto dir = std::filesystem::temp_directory_path() /
               ("aff-bench-first-frame-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    auto db = (dir / "cache.db").string();
    auto png = (dir / "board.png").string();
    aff::bench::kiosk_window_environment();
    std::vector<std::string> args{kiosk, "--screenshot", png, "--db", db, "--size", size,
                                  "--at", "2018-09-15T18:00:00+06:00", "--lang", "kk"};

    // The first run fills the cache from the demo feed; the kiosk normally starts with a full one.
    auto warm = run_kiosk(args);
    if (!WIFEXITED(warm.status) || WEXITSTATUS(warm.status) != 0) {
        std::fprintf(stderr, "bench_first_frame: %s failed\n", kiosk.c_str());
        return 1;
    }
    std::vector<double> wall, rss;
    for (int i = 0; i < runs; ++i) {
        auto r = run_kiosk(args);
        wall.push_back(r.wall_ms);
        rss.push_back(r.peak_rss_mb);
    }
    std::printf("first %s frame in screenshot mode, process start to PNG written, %d runs:\n",
                size.c_str(), runs);
    std::printf("  wall   median %6.1f ms  (min %6.1f, max %6.1f)\n", median(wall),
                *std::min_element(wall.begin(), wall.end()),
                *std::max_element(wall.begin(), wall.end()));
    std::printf("  peak RSS median %5.1f MB  (max %5.1f)\n", median(rss),
                *std::max_element(rss.begin(), rss.end()));
    std::printf("  first start, filling an empty cache from the demo feed: %.1f ms, %.1f MB\n",
                warm.wall_ms, warm.peak_rss_mb);

    std::vector<std::string> window_args = args;
    window_args[1] = "--window";
    window_args.erase(window_args.begin() + 2);  // the PNG's path
    std::vector<double> to_frame, kiosk_ms, window_rss, anon_mb, file_mb;
    std::string device;
    for (int i = 0; i < runs; ++i) {
        const auto r = run_window(window_args);
        if (!r.ok) {
            std::fprintf(stderr, "bench_first_frame: %s --window showed no first frame or did "
                         "not quit cleanly on SIGTERM\n", kiosk.c_str());
            return 1;
        }
        to_frame.push_back(r.to_first_frame_ms);
        kiosk_ms.push_back(static_cast<double>(r.kiosk_ms));
        window_rss.push_back(r.peak_rss_mb);
        anon_mb.push_back(r.at_first_frame.anon_mb);
        file_mb.push_back(r.at_first_frame.file_mb);
        device = r.device;
    }
    const char* display = std::getenv("DISPLAY");
    std::printf("first %s frame on screen in a window on %s, fork to the kiosk's \"first frame "
                "on screen\" line, then SIGTERM, %d runs:\n",
                size.c_str(), display ? display : "no X display", runs);
    if (!device.empty()) std::printf("  the kiosk's %s\n", device.c_str());
    std::printf("  wall   median %6.1f ms  (min %6.1f, max %6.1f)  target: under 80 ms\n",
                median(to_frame), *std::min_element(to_frame.begin(), to_frame.end()),
                *std::max_element(to_frame.begin(), to_frame.end()));
    std::printf("  the kiosk's own figure, from its start: median %.0f ms\n", median(kiosk_ms));
    std::printf("  peak RSS median %5.1f MB  (max %5.1f)  target: under 48 MB\n",
                median(window_rss), *std::max_element(window_rss.begin(), window_rss.end()));
    std::printf("    at the first frame: %.1f MB not backed by a file (heap, textures), %.1f MB "
                "mapped from files (code, libraries)\n",
                median(anon_mb), median(file_mb));
    std::filesystem::remove_all(dir);
    return 0;
}
