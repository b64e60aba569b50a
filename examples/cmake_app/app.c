/* Computes both models; each came with a header and links as a library. */
#include <stdio.h>

#include "scale_relu.h"
#ifdef EXAMPLE_WITH_MLP
#include "mlp.h"
#endif

int main(void) {
  webnnc_executor_t *e = NULL;
  float x[6] = {0, 0.5f, 1, 1.5f, 2, -3}, y[6];
  webnnc_scale_relu_inputs_t in = {.x = x};
  webnnc_scale_relu_outputs_t out = {.y = y};
  if (webnnc_scale_relu_create(NULL, &e) != WEBNNC_STATUS_OK ||
      webnnc_scale_relu_compute(e, &in, &out) != WEBNNC_STATUS_OK)
    return 1;
  webnnc_scale_relu_destroy(e);
  printf("scale_relu: %g %g %g %g %g %g\n", y[0], y[1], y[2], y[3], y[4], y[5]);

#ifdef EXAMPLE_WITH_MLP
  float v[4] = {1, 2, 3, 4}, hidden[3], z[2];
  webnnc_mlp_inputs_t mlpIn = {.x = v};
  webnnc_mlp_outputs_t mlpOut = {.hidden = hidden, .y = z};
  if (webnnc_mlp_create(NULL, &e) != WEBNNC_STATUS_OK ||
      webnnc_mlp_compute(e, &mlpIn, &mlpOut) != WEBNNC_STATUS_OK)
    return 1;
  webnnc_mlp_destroy(e);
  printf("mlp: hidden %g %g %g, y %g %g (deterministic: %d)\n", hidden[0],
         hidden[1], hidden[2], z[0], z[1], WEBNNC_MLP_DETERMINISTIC);
#endif
  return 0;
}
