#include "liasse/runner/file_hash.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <vector>
#include <fstream>
#include <memory>

namespace liasse::runner {
namespace {
struct DigestContextDeleter {
  void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};

std::string Hex(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return hex;
}
}  // namespace

std::string Sha256OfText(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
  return Hex(digest.data(), length);
}

Result<std::string> Sha256OfFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string() + ": cannot open for reading");
  std::unique_ptr<EVP_MD_CTX, DigestContextDeleter> ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) return Status::Internal("SHA-256 unavailable");
  std::array<char, 1 << 16> buffer{};
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got > 0) EVP_DigestUpdate(ctx.get(), buffer.data(), got);
  }
  if (in.bad()) return Status::IoError(path.string() + ": read error");
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx.get(), digest.data(), &length);
  return Hex(digest.data(), length);
}

std::string ProgramAndDataMaterial(const std::filesystem::path& data_dir) {
  namespace fs = std::filesystem;
  std::string material;
  auto program = Sha256OfFile("/proc/self/exe");
  material += "program " + (program.ok() ? *program : std::string("?")) + "\n";
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(data_dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file()) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto hash = Sha256OfFile(f);
    material += fs::relative(f, data_dir).generic_string() + " " + (hash.ok() ? *hash : "?") + "\n";
  }
  return material;
}

}  // namespace liasse::runner
