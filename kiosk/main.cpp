#include "kiosk/app.hpp"

int main(int argc, char** argv) {
    return aff::kiosk_main(argc, argv);
}
