// SPDX-License-Identifier: Apache-2.0
// A MobileNetV2-shaped network built with the C++ frontend.
#ifndef WEBNNC_MODELS_MOBILENET_V2_MOBILENETV2_H_
#define WEBNNC_MODELS_MOBILENET_V2_MOBILENETV2_H_

#include <cstdint>

#include "webnnc/Frontend/GraphBuilder.h"

namespace webnnc::models {

struct MobileNetV2Options {
  int64_t resolution = 224; // input height and width
  double width = 1.0;       // channel multiplier
  int64_t classes = 1000;
  uint32_t seed = 1; // the deterministic weights' seed
};

// MobileNetV2 (Sandler et al. 2018, torchvision's layout) with batch
// normalization folded into the convolutions' biases, as exported models
// have it, and weights made from |seed| (the shapes and the compute are
// what matter here, not the accuracy). Input "input": float32
// [1, 3, resolution, resolution]. Outputs "output": softmax probabilities
// [1, classes]. Labels: "features" (the pooled [1, 1280] feature vector
// before the classifier), "logits".
Expected<Graph, BuildError> buildMobileNetV2(const MobileNetV2Options &options);

} // namespace webnnc::models

#endif // WEBNNC_MODELS_MOBILENET_V2_MOBILENETV2_H_
