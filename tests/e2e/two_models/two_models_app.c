/* SPDX-License-Identifier: Apache-2.0 */
/* Three compiled models in one app: two copies of the same graph under
 * different names, and another graph. They must link without clashes and
 * each compute its own function. */
#include <stdio.h>

#include "first.h"
#include "second.h"
#include "square.h"

int main(void) {
  float x[4] = {0, 1, 2, 3}, a[4], b[4], c[4];
  webnnc_executor_t *e1, *e2, *e3;
  if (webnnc_first_create(NULL, &e1) || webnnc_second_create(NULL, &e2) ||
      webnnc_square_create(NULL, &e3))
    return 1;
  webnnc_first_inputs_t in1 = {x};
  webnnc_first_outputs_t out1 = {a};
  webnnc_second_inputs_t in2 = {x};
  webnnc_second_outputs_t out2 = {b};
  webnnc_square_inputs_t in3 = {x};
  webnnc_square_outputs_t out3 = {c};
  if (webnnc_first_compute(e1, &in1, &out1) ||
      webnnc_second_compute(e2, &in2, &out2) ||
      webnnc_square_compute(e3, &in3, &out3))
    return 1;
  printf("first: %g %g %g %g\n", a[0], a[1], a[2], a[3]);
  printf("second: %g %g %g %g\n", b[0], b[1], b[2], b[3]);
  printf("square: %g %g %g %g\n", c[0], c[1], c[2], c[3]);
  webnnc_first_destroy(e1);
  webnnc_second_destroy(e2);
  webnnc_square_destroy(e3);
  return 0;
}
