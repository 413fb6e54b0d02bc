#pragma once

#include "aws/configresolver.h"
#include "aws/result.h"
#include "emulator/emulatoroptions.h"

#include <memory>

namespace emulator {
class Emulator;
}

namespace ui {

// The built-in demo endpoint behind the profile picker's "Demo" entry and `--demo`: the emulator,
// started in-process on its own thread the first time it is needed and served until the window
// closes, and the connection that talks to it (its endpoint, region and demo keys).
class DemoEndpoint {
public:
    explicit DemoEndpoint(emulator::EmulatorOptions options);
    ~DemoEndpoint();
    DemoEndpoint(const DemoEndpoint &) = delete;
    DemoEndpoint &operator=(const DemoEndpoint &) = delete;

    // What the Demo entry starts when `--demo` did not say otherwise: the default fleet of 200,
    // changing every few seconds so the dashboard has something to show.
    static emulator::EmulatorOptions defaultOptions();

    // Starts the emulator if it is not running yet; a Configuration error says why it cannot
    // ("cannot listen on 127.0.0.1:…", an unusable archive directory).
    aws::Result<aws::ResolvedConfig> config();
    // The same for S3: the emulator serves the results its executions wrote on the same port.
    aws::Result<aws::ResolvedConfig> s3Config();
    // Null until config() first succeeded.
    emulator::Emulator *emulator() const { return m_emulator.get(); }
    const emulator::EmulatorOptions &options() const { return m_options; }

private:
    emulator::EmulatorOptions m_options;
    std::unique_ptr<emulator::Emulator> m_emulator;
};

} // namespace ui
