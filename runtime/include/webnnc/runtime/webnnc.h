/* SPDX-License-Identifier: Apache-2.0 */
/* The webnnc runtime: everything an app needs to compute a compiled model. */
#ifndef WEBNNC_RUNTIME_WEBNNC_H_
#define WEBNNC_RUNTIME_WEBNNC_H_

#include "webnnc/runtime/allocator.h"
#include "webnnc/runtime/executor.h"
#include "webnnc/runtime/model.h"
#include "webnnc/runtime/status.h"
#include "webnnc/runtime/tensor.h"
#include "webnnc/runtime/thread_pool.h"
#include "webnnc/runtime/types.h"

#endif /* WEBNNC_RUNTIME_WEBNNC_H_ */
