// SPDX-License-Identifier: Apache-2.0
// Computing a model compiled for another architecture on this machine: the
// object is linked with that architecture's runtime and the model runner
// (runtime/tools/model_runner.c) into a static program, which runs under
// a user-mode emulator (qemu-aarch64). For `webnnc run --target aarch64`
// and the cross-compilation tests; apps link the object instead.
#ifndef WEBNNC_DRIVER_EMULATEDMODEL_H_
#define WEBNNC_DRIVER_EMULATEDMODEL_H_

#include <map>
#include <string>
#include <vector>

#include "webnnc/Codegen/Target.h"
#include "webnnc/Support/Expected.h"
#include "webnnc/Support/HostTensor.h"

namespace webnnc {

// Where the runtime for |target| was built or installed: $WEBNNC_CROSS_
// RUNTIME_DIR if set, else beside this program (build/runtime/aarch64, or
// lib/aarch64-linux-gnu in an install). The error names the places tried.
Expected<std::string, std::string> findCrossRuntime(const TargetInfo &target);

// Links |objectBytes| (a model compiled for |target|, exporting
// webnnc_<modelName>_model) into a program with |target|'s runtime and runs
// it under the emulator ($WEBNNC_EMULATOR, else qemu-aarch64) on |inputs|
// with |threads| threads. Returns the outputs in the model's order, or the
// runtime's (or the toolchain's) error.
Expected<std::vector<NamedTensor>, std::string>
computeEmulated(const std::string &objectBytes, const std::string &modelName,
                const TargetInfo &target,
                const std::map<std::string, HostTensor> &inputs,
                int threads = 1);

} // namespace webnnc

#endif // WEBNNC_DRIVER_EMULATEDMODEL_H_
