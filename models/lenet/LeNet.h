// SPDX-License-Identifier: Apache-2.0
// The WebNN samples' LeNet, built with the C++ frontend.
#ifndef WEBNNC_MODELS_LENET_LENET_H_
#define WEBNNC_MODELS_LENET_LENET_H_

#include <string>

#include "webnnc/Frontend/GraphBuilder.h"

namespace webnnc::models {

// LeNet with the weights of |weightsPath| (lenet.bin from webnn-native:
// little-endian float32, 1,724,336 bytes). Input "input": float32
// [1,1,28,28], raw pixel values 0..255. Outputs "output": the softmax
// probabilities [1,10]; with |withLogits| also "logits", the values before
// the softmax.
Expected<Graph, BuildError> buildLeNet(const std::string &weightsPath,
                                       bool withLogits = false);

} // namespace webnnc::models

#endif // WEBNNC_MODELS_LENET_LENET_H_
