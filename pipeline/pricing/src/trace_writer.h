// Internal: renders the French trace sentences. Pricing writes some five
// sentences and fifteen amounts per line, so this is on the hot path of
// `Pricer::Price`: a sentence is assembled in a stack buffer — literal runs
// copied with memcpy, amounts written digit by digit — and becomes one
// std::string (one allocation). The text is the same as fmt would write with
// the formatters of french_fmt.h: both write through liasse/core/french.h.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "liasse/core/french.h"
#include "french_format.h"

namespace liasse::pricing::detail {

class TraceWriter {
 public:
  void Put(const char* p, size_t n) {
    if (n > kCapacity - size_ || !spill_.empty()) {
      Spill(p, n);
      return;
    }
    std::memcpy(buf_ + size_, p, n);
    size_ += n;
  }
  void Put(std::string_view s) { Put(s.data(), s.size()); }
  void Put(const std::string& s) { Put(s.data(), s.size()); }
  void Put(const char* s) { Put(s, std::strlen(s)); }

  void Put(Money m) { PutWritten(m, french::WriteMoney); }
  void Put(Rate r) { PutWritten(r, french::WriteRate); }
  void Put(Date d) { PutWritten(d, french::WriteDate); }
  void Put(Centiemes c) { PutWritten(c, WriteCentiemes); }

  template <typename I>
    requires std::is_integral_v<I>
  void Put(I value) {
    PutWritten(static_cast<int64_t>(value), french::WriteInteger);
  }

  // Writes `format` with each "{}" replaced by the next argument.
  template <typename... Args>
  void Format(std::string_view format, const Args&... args) {
    (PutUntilField(format, args), ...);
    Put(format);
  }

  std::string str() const {
    std::string out(buf_, size_);
    out += spill_;
    return out;
  }

 private:
  // Writes `value` through `write` (french.h) into a stack buffer, then
  // appends it in one copy.
  template <typename T>
  void PutWritten(T value, char* (*write)(char*, T)) {
    char tmp[french::kMaxFrenchChars];
    Put(tmp, static_cast<size_t>(write(tmp, value) - tmp));
  }

  // Copies the literal text before the next "{}", writes `arg` and drops
  // both from `format`.
  template <typename T>
  void PutUntilField(std::string_view& format, const T& arg) {
    // The formats are checked at compile time: a '{' always opens "{}".
    size_t field = 0;
    while (field < format.size() && format[field] != '{') ++field;
    if (field == format.size()) field = std::string_view::npos;
    Put(format.data(), field == std::string_view::npos ? format.size() : field);
    Put(arg);
    format.remove_prefix(field == std::string_view::npos ? format.size() : field + 2);
  }

  // A sentence longer than the stack buffer (a very long printed libellé)
  // continues on the heap.
  [[gnu::noinline]] void Spill(const char* p, size_t n) { spill_.append(p, n); }

  static constexpr size_t kCapacity = 1024;
  char buf_[kCapacity];
  size_t size_ = 0;
  std::string spill_;
};

// The sentence `format` with its "{}" fields replaced by `args`.
template <typename... Args>
std::string FormatTrace(std::string_view format, const Args&... args) {
  TraceWriter w;
  w.Format(format, args...);
  return w.str();
}

}  // namespace liasse::pricing::detail
