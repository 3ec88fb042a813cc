// libFuzzer target for an envelope's metadata (`NAME.meta.json`, written by
// the scanning station): any bytes give the metadata, none, or an error
// naming the file, never a crash.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "envelope_meta.h"
#include "liasse/core/env.h"
#include "liasse/core/private_temp.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto dir = liasse::PrivateTempDir().value();
  const auto envelope = dir / "pli.pdf";
  std::ofstream(liasse::runner::MetaPathOf(envelope), std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  auto meta = liasse::runner::ReadEnvelopeMeta(*liasse::Env::Default(), envelope);
  if (!meta.ok() && meta.status().message().find("pli.meta.json") == std::string::npos) __builtin_trap();
  return 0;
}
