// Hostile envelope files made in memory for the decode and batch tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace liasse::ocr {

inline std::vector<std::byte> ToBytes(const void* data, std::size_t size) {
  std::vector<std::byte> b(size);
  if (size != 0) std::memcpy(b.data(), data, size);
  return b;
}

// A hand-made TIFF whose header claims 100 000 × 100 000 pixels over 8 bytes of data.
inline std::vector<std::byte> LyingTiff() {
  std::vector<std::uint8_t> t = {'I', 'I', 42, 0, 8, 0, 0, 0};
  auto put16 = [&](unsigned v) { t.push_back(static_cast<std::uint8_t>(v)); t.push_back(static_cast<std::uint8_t>(v >> 8)); };
  auto put32 = [&](unsigned v) { put16(v & 0xffff); put16(v >> 16); };
  const unsigned tags[][3] = {{256, 4, 100000}, {257, 4, 100000}, {258, 3, 1},   {259, 3, 1},
                              {262, 3, 0},      {273, 4, 200},    {278, 4, 100000}, {279, 4, 8}};
  put16(8);
  for (const auto& tag : tags) {
    put16(tag[0]);
    put16(tag[1]);
    put32(1);
    if (tag[1] == 3) { put16(tag[2]); put16(0); } else { put32(tag[2]); }
  }
  put32(0);
  t.resize(208, 0xff);
  return ToBytes(t.data(), t.size());
}

// A well-formed PDF whose page tree is empty.
inline std::vector<std::byte> PdfWithoutPages() {
  std::string pdf = "%PDF-1.4\n";
  const std::size_t obj1 = pdf.size();
  pdf += "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
  const std::size_t obj2 = pdf.size();
  pdf += "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
  const std::size_t xref = pdf.size();
  char table[200];
  std::snprintf(table, sizeof table, "xref\n0 3\n0000000000 65535 f \n%010zu 00000 n \n%010zu 00000 n \n", obj1, obj2);
  pdf += table;
  pdf += "trailer\n<< /Root 1 0 R /Size 3 >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return ToBytes(pdf.data(), pdf.size());
}

}  // namespace liasse::ocr
