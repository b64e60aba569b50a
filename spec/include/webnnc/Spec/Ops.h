// SPDX-License-Identifier: Apache-2.0
// The spec's validation steps and output descriptors, one function per
// operation (or family). Each returns the output descriptor, or the first
// rule the arguments break. The frontend and the dialect verifiers both call
// these, so the rules exist once.
#ifndef WEBNNC_SPEC_OPS_H_
#define WEBNNC_SPEC_OPS_H_

#include "webnnc/Spec/ConvOps.h"
#include "webnnc/Spec/ElementwiseOps.h"
#include "webnnc/Spec/GatherOps.h"
#include "webnnc/Spec/MatmulOps.h"
#include "webnnc/Spec/NormalizationOps.h"
#include "webnnc/Spec/QuantizeOps.h"
#include "webnnc/Spec/RecurrentOps.h"
#include "webnnc/Spec/ReductionOps.h"
#include "webnnc/Spec/ShapeOps.h"

#endif // WEBNNC_SPEC_OPS_H_
