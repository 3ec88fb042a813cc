// Internal: renders the French trace sentences. Pricing writes some five
// sentences and fifteen amounts per line, so this is on the hot path of
// `Pricer::Price`: a sentence is assembled in a stack buffer — literal runs
// copied with memcpy, amounts written digit by digit — and becomes one
// std::string (one allocation). The text is the same as fmt would write with
// the formatters of french_format.h (Money::ToFrench, Rate::ToFrench,
// Date::ToFrench, integers in decimal).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
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

  void Put(Money m) {
    char tmp[48];
    char* out = tmp;
    const int64_t c = m.cents();
    const uint64_t mag = c < 0 ? 0 - static_cast<uint64_t>(c) : static_cast<uint64_t>(c);
    if (c < 0) *out++ = '-';
    out = WriteGrouped(out, mag / 100);
    *out++ = ',';
    *out++ = static_cast<char>('0' + (mag % 100) / 10);
    *out++ = static_cast<char>('0' + mag % 10);
    std::memcpy(out, "\xC2\xA0\xE2\x82\xAC", 5);
    Put(tmp, static_cast<size_t>(out - tmp) + 5);
  }

  void Put(Rate r) {
    char tmp[48];
    char* out = tmp;
    const int64_t bp = r.basis_points();
    const int64_t whole = bp / 100;
    const int64_t fraction = (bp < 0 ? -bp : bp) % 100;
    if (whole < 0) *out++ = '-';
    out = WriteDigits(out, whole < 0 ? 0 - static_cast<uint64_t>(whole) : static_cast<uint64_t>(whole));
    if (fraction != 0) {
      *out++ = ',';
      *out++ = static_cast<char>('0' + fraction / 10);
      if (fraction % 10 != 0) *out++ = static_cast<char>('0' + fraction % 10);
    }
    std::memcpy(out, "\xC2\xA0%", 3);
    Put(tmp, static_cast<size_t>(out - tmp) + 3);
  }

  void Put(Date d) {
    char tmp[10];
    const int day = d.day(), month = d.month(), year = d.year();
    tmp[0] = static_cast<char>('0' + day / 10);
    tmp[1] = static_cast<char>('0' + day % 10);
    tmp[2] = '/';
    tmp[3] = static_cast<char>('0' + month / 10);
    tmp[4] = static_cast<char>('0' + month % 10);
    tmp[5] = '/';
    tmp[6] = static_cast<char>('0' + year / 1000 % 10);
    tmp[7] = static_cast<char>('0' + year / 100 % 10);
    tmp[8] = static_cast<char>('0' + year / 10 % 10);
    tmp[9] = static_cast<char>('0' + year % 10);
    Put(tmp, sizeof tmp);
  }

  void Put(Centiemes c) {
    char tmp[32];
    const uint64_t v = static_cast<uint64_t>(c.value);
    char* out = WriteDigits(tmp, v / 100);
    const uint64_t fraction = v % 100;
    if (fraction != 0) {
      *out++ = ',';
      *out++ = static_cast<char>('0' + fraction / 10);
      if (fraction % 10 != 0) *out++ = static_cast<char>('0' + fraction % 10);
    }
    Put(tmp, static_cast<size_t>(out - tmp));
  }

  template <typename I>
    requires std::is_integral_v<I>
  void Put(I value) {
    char tmp[24];
    char* out = tmp;
    const int64_t v = static_cast<int64_t>(value);
    if (v < 0) *out++ = '-';
    out = WriteDigits(out, v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v));
    Put(tmp, static_cast<size_t>(out - tmp));
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
