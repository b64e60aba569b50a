// SPDX-License-Identifier: Apache-2.0
// Classifies the Fashion-MNIST test images with the reference evaluator
// and compares with the compiled model's predictions:
//   fashion_reference WEIGHTS IMAGES LABELS PREDICTIONS
// Prints the reference's accuracy and the agreement of the predictions;
// exits 1 if the compiled model's accuracy differs from the reference's.
#include <cstdio>
#include <fstream>
#include <vector>

#include "FashionLeNet5.h"
#include "webnnc/Reference/Evaluator.h"

using namespace webnnc;

int main(int argc, char **argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s WEIGHTS IMAGES LABELS PREDICTIONS\n",
                 argv[0]);
    return 2;
  }
  auto graph = models::buildFashionLeNet5(argv[1]);
  if (!graph) {
    std::fprintf(stderr, "%s\n", graph.error().message().c_str());
    return 1;
  }
  auto read = [](const char *path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<unsigned char>((std::istreambuf_iterator<char>(in)),
                                      std::istreambuf_iterator<char>());
  };
  std::vector<unsigned char> images = read(argv[2]), labels = read(argv[3]);
  std::ifstream predictionsFile(argv[4]);
  std::vector<int> predictions;
  for (int p; predictionsFile >> p;)
    predictions.push_back(p);
  size_t count = labels.size() > 8 ? labels.size() - 8 : 0;
  if (images.size() != 16 + count * 784 || predictions.size() != count) {
    std::fprintf(stderr, "images, labels and predictions disagree in count\n");
    return 1;
  }
  size_t correct = 0, compiledCorrect = 0, agree = 0;
  for (size_t n = 0; n < count; ++n) {
    HostTensor image({DataType::Float32, {1, 1, 28, 28}});
    for (size_t i = 0; i < 784; ++i)
      image.as<float>()[i] = float(images[16 + n * 784 + i]);
    auto result = reference::evaluate(*graph, {{"image", image}});
    if (!result) {
      std::fprintf(stderr, "%s\n", result.error().c_str());
      return 1;
    }
    const float *p = (*result)[0].as<float>();
    int best = 0;
    for (int c = 1; c < 10; ++c)
      if (p[c] > p[best])
        best = c;
    correct += best == labels[8 + n];
    compiledCorrect += predictions[n] == labels[8 + n];
    agree += best == predictions[n];
  }
  std::printf("reference_accuracy: %.4f (%zu correct)\n",
              double(correct) / double(count), correct);
  std::printf("agreement_with_reference: %.4f (%zu of %zu predictions equal)\n",
              double(agree) / double(count), agree, count);
  if (compiledCorrect != correct) {
    std::printf("MISMATCH: the compiled model's accuracy is %.4f\n",
                double(compiledCorrect) / double(count));
    return 1;
  }
  return 0;
}
