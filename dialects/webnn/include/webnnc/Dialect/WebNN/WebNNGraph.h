// SPDX-License-Identifier: Apache-2.0
// A module's graph function, and the attributes the compiler's layers
// (passes, glue, object emission) leave on it and its kernels for each
// other. The names live in the dialect so that every layer above can read
// them without depending on the layer that writes them.
#ifndef WEBNNC_DIALECT_WEBNN_WEBNNGRAPH_H_
#define WEBNNC_DIALECT_WEBNN_WEBNNGRAPH_H_

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

namespace webnnc {

/// On an outlined kernel function (webnn-outline-kernels).
inline constexpr llvm::StringLiteral kKernelAttr = "webnn.kernel";
inline constexpr llvm::StringLiteral kResultOffsetsAttr =
    "webnn.result_offsets";
inline constexpr llvm::StringLiteral kArenaSizeAttr = "webnn.arena_size";
/// A graph with open dimensions is planned at compute: each call result
/// names its arena buffer (or, negative, -(output index + 1)), and the graph
/// lists each buffer's live range [first, last] in op positions; the
/// runtime places the buffers once sizes are known.
inline constexpr llvm::StringLiteral kResultBuffersAttr =
    "webnn.result_buffers";
inline constexpr llvm::StringLiteral kBufferLifetimesAttr =
    "webnn.buffer_lifetimes";
/// On a kernel of two stages (webnn-fuse's ProducerPlacement): where its
/// first stage is computed.
inline constexpr llvm::StringLiteral kProducerAttr = "webnn.producer";
/// On a call whose result overwrites one of its operands, and on its
/// kernel (which must then not read an element after writing it).
inline constexpr llvm::StringLiteral kInPlaceAttr = "webnn.in_place";
inline constexpr int64_t kArenaAlignment = 64;
/// On a graph constant placed in the weights blob (emitWeightsBlob): its
/// byte offset from kWeightsSymbol, which the glue addresses it by. The
/// glue defines that symbol as a placeholder in kWeightsSection, whose
/// contents the link replaces with the blob (linkModelObject).
inline constexpr llvm::StringLiteral kWeightOffsetAttr = "webnn.weight_offset";
inline constexpr llvm::StringLiteral kWeightsSymbol = "__webnn_weights";
inline constexpr llvm::StringLiteral kWeightsSection = ".rodata.webnn_weights";
/// On a graph argument or result computed widened from a four-bit type
/// (webnn-widen-int4): "int4" or "uint4", its data type at the API.
inline constexpr llvm::StringLiteral kAbiDataTypeAttr = "webnn.abi_data_type";

/// The graph function of a module: its public func.func, or null if there
/// is none or several.
mlir::func::FuncOp getGraphFunction(mlir::ModuleOp module);
/// The graph function, or an error emitted on |module|.
mlir::FailureOr<mlir::func::FuncOp> requireGraphFunction(mlir::ModuleOp module);
/// Erases the constants of |graph| that nothing reads any more (after a
/// pass replaced or moved their readers), freeing the bytes no other
/// constant of the module shares.
void eraseUnreadConstants(mlir::func::FuncOp graph);
/// "conv2d 'conv1'": the op's name and its label (a NameLoc), for messages.
std::string describeOp(mlir::Operation *op);

} // namespace webnnc

#endif // WEBNNC_DIALECT_WEBNN_WEBNNGRAPH_H_
