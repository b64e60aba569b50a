/* SPDX-License-Identifier: Apache-2.0 */
/* The demo app: classifies the Fashion-MNIST test images with the compiled
 * model. Plain C; links only the model object and the webnnc runtime.
 *
 *   fashion_demo IMAGES LABELS [PREDICTIONS_OUT]
 * IMAGES and LABELS are the uncompressed IDX files. Prints the accuracy and
 * the images per second; writes one predicted label per line if asked. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "fashion.h"

static unsigned char *read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long length = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *data = length > 0 ? malloc((size_t)length) : NULL;
  if (data && fread(data, 1, (size_t)length, f) != (size_t)length) {
    free(data);
    data = NULL;
  }
  fclose(f);
  *size = (size_t)length;
  return data;
}

static uint32_t big_endian(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s IMAGES LABELS [PREDICTIONS_OUT]\n", argv[0]);
    return 2;
  }
  size_t image_bytes, label_bytes;
  unsigned char *images = read_file(argv[1], &image_bytes);
  unsigned char *labels = read_file(argv[2], &label_bytes);
  if (!images || !labels || image_bytes < 16 || label_bytes < 8 ||
      big_endian(images) != 0x803 || big_endian(labels) != 0x801 ||
      big_endian(images + 8) != 28 || big_endian(images + 12) != 28) {
    fprintf(stderr, "%s, %s: not Fashion-MNIST IDX image/label files\n",
            argv[1], argv[2]);
    return 1;
  }
  uint32_t count = big_endian(images + 4);
  if (count != big_endian(labels + 4) || image_bytes < 16 + (size_t)count * 784 ||
      label_bytes < 8 + (size_t)count) {
    fprintf(stderr, "image and label files disagree\n");
    return 1;
  }
  FILE *predictions = argc > 3 ? fopen(argv[3], "w") : NULL;

  webnnc_executor_t *executor = NULL;
  webnnc_status_t status = webnnc_fashion_create(NULL, &executor);
  if (status != WEBNNC_STATUS_OK) {
    fprintf(stderr, "create: %s\n", webnnc_status_string(status));
    return 1;
  }
  uint32_t correct = 0;
  double start = now_seconds();
  for (uint32_t n = 0; n < count; ++n) {
    float pixels[784], probabilities[10];
    for (int i = 0; i < 784; ++i)
      pixels[i] = (float)images[16 + (size_t)n * 784 + i];
    webnnc_fashion_inputs_t in = {pixels};
    webnnc_fashion_outputs_t out = {probabilities};
    status = webnnc_fashion_compute(executor, &in, &out);
    if (status != WEBNNC_STATUS_OK) {
      fprintf(stderr, "image %u: %s\n", n, webnnc_executor_last_error(executor));
      return 1;
    }
    int best = 0;
    for (int c = 1; c < 10; ++c)
      if (probabilities[c] > probabilities[best])
        best = c;
    correct += best == labels[8 + n];
    if (predictions)
      fprintf(predictions, "%d\n", best);
  }
  double seconds = now_seconds() - start;
  printf("images: %u\n", count);
  printf("accuracy: %.4f (%u correct)\n", (double)correct / count, correct);
  printf("images_per_second: %.0f (1 thread, batch 1)\n", count / seconds);
  if (predictions)
    fclose(predictions);
  webnnc_fashion_destroy(executor);
  free(images);
  free(labels);
  return 0;
}
