/* SPDX-License-Identifier: Apache-2.0 */
/* Classifies MNIST digits with the compiled LeNet: plain C, linking only the
 * model object and the webnnc runtime.
 *
 *   lenet_app 0.idx 1.idx ...
 * prints one line per file: the file, the predicted digit, its probability.
 */
#include <stdio.h>
#include <stdlib.h>

#include "lenet.h"

/* Reads one 28x28 image from an IDX3 file (16-byte big-endian header). */
static int read_digit(const char *path, float *pixels) {
  unsigned char header[16], data[28 * 28];
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  int ok = fread(header, 1, 16, f) == 16 && header[2] == 0x08 &&
           header[3] == 0x03 && header[11] == 28 && header[15] == 28 &&
           fread(data, 1, sizeof(data), f) == sizeof(data);
  fclose(f);
  for (int i = 0; ok && i < 28 * 28; ++i)
    pixels[i] = (float)data[i]; /* raw 0..255, as the model was trained */
  return ok;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s DIGIT.idx...\n", argv[0]);
    return 2;
  }
  webnnc_executor_t *executor = NULL;
  webnnc_status_t status = webnnc_lenet_create(NULL, &executor);
  if (status != WEBNNC_STATUS_OK) {
    fprintf(stderr, "create: %s\n", webnnc_status_string(status));
    return 1;
  }
  int failures = 0;
  for (int i = 1; i < argc; ++i) {
    float pixels[28 * 28], probabilities[10];
    if (!read_digit(argv[i], pixels)) {
      fprintf(stderr, "%s: not a 28x28 IDX3 image\n", argv[i]);
      ++failures;
      continue;
    }
    webnnc_lenet_inputs_t inputs = {pixels};
    webnnc_lenet_outputs_t outputs = {probabilities};
    status = webnnc_lenet_compute(executor, &inputs, &outputs);
    if (status != WEBNNC_STATUS_OK) {
      fprintf(stderr, "%s: %s\n", argv[i], webnnc_executor_last_error(executor));
      ++failures;
      continue;
    }
    int best = 0;
    for (int d = 1; d < 10; ++d)
      if (probabilities[d] > probabilities[best])
        best = d;
    printf("%s: predicted %d (probability %.4f)\n", argv[i], best,
           probabilities[best]);
  }
  webnnc_lenet_destroy(executor);
  return failures ? 1 : 0;
}
