// gMock matchers for Status and Result<T>, so that a negative test names the
// failure it expects (its code and a distinguishing part of its French
// message) and cannot pass for another failure:
//
//   using ::liasse::test_support::StatusIs;
//   EXPECT_THAT(Nir::Parse("295109912611199"),
//               StatusIs(StatusCode::kInvalidArgument, HasSubstr("clé 99 incorrecte")));
//
// A mismatch prints the status actually returned ("ok" or "<code>: <message>").
#pragma once

#include <gmock/gmock.h>

#include <ostream>
#include <string>
#include <utility>

#include "liasse/core/status.h"

namespace liasse {

// Printers found by gtest through ADL: a failed expectation shows the status
// instead of the object's bytes.
inline void PrintTo(const Status& status, std::ostream* os) { *os << status.ToString(); }

template <typename T>
void PrintTo(const Result<T>& result, std::ostream* os) {
  *os << (result.ok() ? std::string("a value (ok)") : result.status().ToString());
}

}  // namespace liasse

// Its own namespace: a liasse::testing would hide gtest's `testing::` inside namespace liasse.
namespace liasse::test_support {

inline Status StatusOf(const Status& status) { return status; }

template <typename T>
Status StatusOf(const Result<T>& result) {
  return result.status();
}

// Matches a Status or a Result<T> whose code is `code` and whose message
// matches `message` (usually HasSubstr("…")).
class StatusIsMatcher {
 public:
  using is_gtest_matcher = void;

  StatusIsMatcher(StatusCode code, ::testing::Matcher<const std::string&> message)
      : code_(code), message_(std::move(message)) {}

  template <typename StatusOrResult>
  bool MatchAndExplain(const StatusOrResult& value, std::ostream* os) const {
    const Status status = StatusOf(value);
    if (os != nullptr && status.ok()) *os << "which succeeded";
    return status.code() == code_ && message_.Matches(status.message());
  }

  void DescribeTo(std::ostream* os) const {
    *os << "fails with code " << StatusCodeName(code_) << " and a message that ";
    message_.DescribeTo(os);
  }

  void DescribeNegationTo(std::ostream* os) const {
    *os << "does not fail with code " << StatusCodeName(code_) << " and a message that ";
    message_.DescribeTo(os);
  }

 private:
  StatusCode code_;
  ::testing::Matcher<const std::string&> message_;
};

inline StatusIsMatcher StatusIs(StatusCode code, ::testing::Matcher<const std::string&> message) {
  return StatusIsMatcher(code, std::move(message));
}

}  // namespace liasse::test_support
