#include "dump_check.h"

#include <array>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>

namespace bench_mail {

namespace {

// Base64 decoding written here rather than taken from Liasse, so that the
// check does not share code with the encoder it checks.
std::optional<std::string> DecodeBase64(std::string_view text) {
  std::array<int, 256> value{};
  value.fill(-1);
  const std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < alphabet.size(); ++i) value[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (char c : text) {
    if (c == '=') break;
    const int v = value[static_cast<unsigned char>(c)];
    if (v < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xff);
    }
  }
  return out;
}

struct Stored {
  std::string message_id;
  std::string attachment_base64;
  bool has_attachment = false;
};

Stored Parse(const std::string& content) {
  Stored stored;
  std::istringstream lines(content);
  std::string line;
  enum { kHeaders, kSeekAttachment, kAttachmentHeaders, kAttachmentBody, kDone } state = kHeaders;
  while (state != kDone && std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    switch (state) {
      case kHeaders:
        if (line.rfind("Message-ID: ", 0) == 0) stored.message_id = line.substr(12);
        if (line.empty()) state = kSeekAttachment;
        break;
      case kSeekAttachment:
        if (line.rfind("Content-Disposition: attachment", 0) == 0) state = kAttachmentHeaders;
        break;
      case kAttachmentHeaders:
        if (line.empty()) state = kAttachmentBody;
        break;
      case kAttachmentBody:
        if (line.rfind("--", 0) == 0) {
          stored.has_attachment = true;
          state = kDone;
        } else {
          stored.attachment_base64 += line;
        }
        break;
      case kDone:
        break;
    }
  }
  return stored;
}

}  // namespace

DumpCheck CheckDump(const std::filesystem::path& dir, const std::map<std::string, int>& expected,
                    const std::function<std::string(int)>& attachment_for) {
  DumpCheck check;
  std::set<std::string> seen;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    ++check.files;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Stored stored = Parse(content);
    const auto found = expected.find(stored.message_id);
    const std::string where = entry.path().filename().string();
    if (found == expected.end()) {
      check.problem = where + ": unknown Message-ID '" + stored.message_id + "'";
      return check;
    }
    if (!seen.insert(stored.message_id).second) {
      check.problem = where + ": " + stored.message_id + " received twice";
      return check;
    }
    const auto decoded = stored.has_attachment ? DecodeBase64(stored.attachment_base64) : std::nullopt;
    if (!decoded || *decoded != attachment_for(found->second)) {
      check.problem = where + ": the attachment of " + stored.message_id + " differs from the one queued";
      return check;
    }
    ++check.identical;
  }
  if (check.files != static_cast<int>(expected.size()))
    check.problem = std::to_string(check.files) + " messages stored, " + std::to_string(expected.size()) + " queued";
  return check;
}

}  // namespace bench_mail
