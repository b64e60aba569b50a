/* SPDX-License-Identifier: Apache-2.0 */
/* An app using the compiled model: the generated header and object, plus
 * the webnnc runtime library. */
#include <stdio.h>

#include "tiny_mlp.h"

int main(void) {
  webnnc_executor_t *executor = NULL;
  if (webnnc_tiny_mlp_create(NULL, &executor) != WEBNNC_STATUS_OK)
    return 1;

  float x[WEBNNC_TINY_MLP_INPUT_X_ELEMENTS] = {1, 2, 3, 4};
  float y[WEBNNC_TINY_MLP_OUTPUT_Y_ELEMENTS];
  webnnc_tiny_mlp_inputs_t inputs = {x};
  webnnc_tiny_mlp_outputs_t outputs = {y};
  webnnc_status_t status = webnnc_tiny_mlp_compute(executor, &inputs, &outputs);
  if (status != WEBNNC_STATUS_OK) {
    /* The status says what kind of failure; the executor says which
     * operand and what was expected. */
    fprintf(stderr, "%s: %s\n", webnnc_status_string(status),
            webnnc_executor_last_error(executor));
    webnnc_tiny_mlp_destroy(executor);
    return 1;
  }
  printf("y = %.2f %.2f\n", y[0], y[1]);
  webnnc_tiny_mlp_destroy(executor);
  return 0;
}
