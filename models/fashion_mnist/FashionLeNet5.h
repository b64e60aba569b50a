// SPDX-License-Identifier: Apache-2.0
// The bundled demo model: LeNet-5 trained on Fashion-MNIST (train.py).
#ifndef WEBNNC_MODELS_FASHION_MNIST_FASHIONLENET5_H_
#define WEBNNC_MODELS_FASHION_MNIST_FASHIONLENET5_H_

#include <string>

#include "webnnc/Frontend/GraphBuilder.h"

namespace webnnc::models {

// The Fashion-MNIST classes, by label.
inline constexpr const char *kFashionClasses[10] = {
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};

// LeNet-5 with the weights of |weightsPath| (fashion_lenet5.bin). Input
// "image": float32 [1,1,28,28], raw pixels 0..255. Output "probabilities":
// float32 [1,10].
Expected<Graph, BuildError> buildFashionLeNet5(const std::string &weightsPath);

} // namespace webnnc::models

#endif // WEBNNC_MODELS_FASHION_MNIST_FASHIONLENET5_H_
