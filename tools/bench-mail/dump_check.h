// Checks what the bench's server stored against what was queued: every
// message arrived once, and its attachment, base64-decoded from the stored
// text, is byte-identical to the one queued.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>

namespace bench_mail {

struct DumpCheck {
  int files = 0;        // message files found
  int identical = 0;    // attachments byte-identical to the expected ones
  std::string problem;  // empty when every message checked out
};

// `expected` maps each Message-ID (with its angle brackets) to the number
// whose attachment `attachment_for(n)` returns. Reads every regular file in
// `dir` (smtp-sink dumps or aiosmtpd .eml files; CRLF or LF line ends).
DumpCheck CheckDump(const std::filesystem::path& dir, const std::map<std::string, int>& expected,
                    const std::function<std::string(int)>& attachment_for);

}  // namespace bench_mail
