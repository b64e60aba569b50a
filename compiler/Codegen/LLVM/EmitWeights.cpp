// SPDX-License-Identifier: Apache-2.0
// The weights object, written as ELF directly.
#include "webnnc/Codegen/EmitWeights.h"

#include <cstring>
#include <fstream>

#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Object/ELFTypes.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
using namespace mlir;
namespace elf = llvm::ELF;
using Elf = llvm::object::ELF64LE;

namespace {

constexpr uint64_t kAlignment = uint64_t(kArenaAlignment);

uint64_t alignTo(uint64_t value, uint64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

// The sections of the weights object, in section-header order.
enum Section : unsigned {
  kNull,
  kWeights,   // .rodata.webnn_weights: the blob
  kNoExecStack, // .note.GNU-stack: empty, says the stack is not executable
  kSymtab,
  kStrtab,
  kShstrtab,
  kSectionCount
};

// A relocatable ELF64 little-endian object of one read-only data section
// and one global symbol at its start, for x86-64 or AArch64. The data is
// streamed in by the caller between begin() and finish(); nothing is held
// in memory.
class WeightsObjectWriter {
public:
  WeightsObjectWriter(std::ofstream &out, uint16_t machine)
      : out_(out), machine_(machine) {}

  void begin() {
    static const char zeros[kAlignment] = {};
    out_.write(zeros, kAlignment); // the ELF header, written at finish()
  }

  void finish(uint64_t dataSize, llvm::StringRef symbol) {
    const uint64_t dataOffset = kAlignment;
    std::string strtab = std::string(1, '\0') + symbol.str() + '\0';
    const char *names[kSectionCount] = {"",        ".rodata.webnn_weights",
                                        ".note.GNU-stack", ".symtab",
                                        ".strtab", ".shstrtab"};
    std::string shstrtab;
    uint32_t nameOffsets[kSectionCount];
    for (unsigned i = 0; i < kSectionCount; ++i) {
      nameOffsets[i] = uint32_t(shstrtab.size());
      shstrtab += names[i];
      shstrtab += '\0';
    }
    Elf::Sym symbols[2] = {};
    symbols[1].st_name = 1;
    symbols[1].setBindingAndType(elf::STB_GLOBAL, elf::STT_OBJECT);
    symbols[1].st_shndx = kWeights;
    symbols[1].st_value = 0;
    symbols[1].st_size = dataSize;

    uint64_t offset = alignTo(dataOffset + dataSize, 8);
    pad(offset);
    const uint64_t symtabOffset = offset;
    out_.write(reinterpret_cast<const char *>(symbols), sizeof(symbols));
    const uint64_t strtabOffset = symtabOffset + sizeof(symbols);
    out_.write(strtab.data(), std::streamsize(strtab.size()));
    const uint64_t shstrtabOffset = strtabOffset + strtab.size();
    out_.write(shstrtab.data(), std::streamsize(shstrtab.size()));
    const uint64_t headersOffset =
        alignTo(shstrtabOffset + shstrtab.size(), 8);
    pad(headersOffset);

    Elf::Shdr headers[kSectionCount] = {};
    auto section = [&](Section index, uint32_t type, uint64_t flags,
                       uint64_t at, uint64_t size, uint64_t align) {
      Elf::Shdr &h = headers[index];
      h.sh_name = nameOffsets[index];
      h.sh_type = type;
      h.sh_flags = flags;
      h.sh_offset = at;
      h.sh_size = size;
      h.sh_addralign = align;
    };
    section(kWeights, elf::SHT_PROGBITS, elf::SHF_ALLOC, dataOffset, dataSize,
            kAlignment);
    section(kNoExecStack, elf::SHT_PROGBITS, 0, dataOffset, 0, 1);
    section(kSymtab, elf::SHT_SYMTAB, 0, symtabOffset, sizeof(symbols), 8);
    headers[kSymtab].sh_link = kStrtab;
    headers[kSymtab].sh_info = 1; // the first global symbol
    headers[kSymtab].sh_entsize = sizeof(Elf::Sym);
    section(kStrtab, elf::SHT_STRTAB, 0, strtabOffset, strtab.size(), 1);
    section(kShstrtab, elf::SHT_STRTAB, 0, shstrtabOffset, shstrtab.size(), 1);
    out_.write(reinterpret_cast<const char *>(headers), sizeof(headers));

    Elf::Ehdr header = {};
    std::memcpy(header.e_ident, elf::ElfMagic, 4);
    header.e_ident[elf::EI_CLASS] = elf::ELFCLASS64;
    header.e_ident[elf::EI_DATA] = elf::ELFDATA2LSB;
    header.e_ident[elf::EI_VERSION] = elf::EV_CURRENT;
    header.e_ident[elf::EI_OSABI] = elf::ELFOSABI_NONE;
    header.e_type = elf::ET_REL;
    header.e_machine = machine_;
    header.e_version = elf::EV_CURRENT;
    header.e_shoff = headersOffset;
    header.e_ehsize = sizeof(Elf::Ehdr);
    header.e_shentsize = sizeof(Elf::Shdr);
    header.e_shnum = kSectionCount;
    header.e_shstrndx = kShstrtab;
    out_.seekp(0);
    out_.write(reinterpret_cast<const char *>(&header), sizeof(header));
  }

private:
  void pad(uint64_t to) {
    static const char zeros[kAlignment] = {};
    uint64_t at = uint64_t(out_.tellp());
    while (at < to) {
      uint64_t n = std::min<uint64_t>(to - at, kAlignment);
      out_.write(zeros, std::streamsize(n));
      at += n;
    }
  }

  std::ofstream &out_;
  uint16_t machine_;
};

} // namespace

Expected<uint64_t, std::string> emitWeightsObject(func::FuncOp graph,
                                                  const std::string &objectPath,
                                                  const TargetInfo &target) {
  // Which constants go in, and where: nothing is written for none.
  Builder b(graph.getContext());
  uint64_t size = 0;
  std::vector<std::pair<webnn::ConstantOp, uint64_t>> placed;
  for (auto constant : graph.getBody().front().getOps<webnn::ConstantOp>()) {
    if (constant->use_empty())
      continue;
    FailureOr<ArrayRef<char>> raw = constant.getRawData();
    if (failed(raw))
      return std::string("a constant's resource blob has no data");
    auto type = cast<RankedTensorType>(constant.getType());
    uint64_t bytes = constant.isSplat() // one element stored: every copy
                         ? uint64_t(type.getNumElements()) * raw->size()
                         : raw->size();
    uint64_t offset = alignTo(size, kAlignment);
    constant->setAttr(kWeightOffsetAttr, b.getI64IntegerAttr(int64_t(offset)));
    placed.push_back({constant, offset});
    size = offset + bytes;
  }
  if (size == 0)
    return uint64_t(0);

  std::ofstream out(objectPath, std::ios::binary);
  if (!out)
    return "cannot write '" + objectPath + "'";
  WeightsObjectWriter writer(out, target.architecture == Architecture::AArch64
                                      ? elf::EM_AARCH64
                                      : elf::EM_X86_64);
  writer.begin();
  static const char zeros[kAlignment] = {};
  uint64_t written = 0;
  for (auto [constant, offset] : placed) {
    ArrayRef<char> raw = *constant.getRawData();
    out.write(zeros, std::streamsize(offset - written));
    auto type = cast<RankedTensorType>(constant.getType());
    if (constant.isSplat()) {
      for (int64_t i = 0; i < type.getNumElements(); ++i)
        out.write(raw.data(), std::streamsize(raw.size()));
      written = offset + uint64_t(type.getNumElements()) * raw.size();
    } else {
      out.write(raw.data(), std::streamsize(raw.size()));
      written = offset + raw.size();
    }
  }
  if (written != size)
    return std::string("the weights object's constants changed size while "
                       "it was written");
  writer.finish(size, kWeightsSymbol);
  out.close();
  if (!out)
    return "cannot write '" + objectPath + "'";
  return size;
}

} // namespace webnnc
