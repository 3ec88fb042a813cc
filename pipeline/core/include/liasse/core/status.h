// Status and Result<T>: how Liasse reports expected failures (an unreadable
// page, an invalid NIR, a malformed data file) as values. Exceptions are kept
// for programming errors only.
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace liasse {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // the input value is malformed (bad NIR, bad amount)
  kNotFound,           // a file, member or table row does not exist
  kCorrupt,            // a file's bytes contradict its format
  kIoError,            // the operating system refused a read or write
  kLimitExceeded,      // input larger than a configured limit
  kUnavailable,        // a peer (SMTP server, database) is not reachable now
  kFailedPrecondition, // the operation cannot run in the current state
  kUnimplemented,      // the format or feature is recognised but not handled
  kInternal,           // an invariant of Liasse itself broke
};

// Returns the stable lower-case name of a code, e.g. "invalid_argument".
std::string_view StatusCodeName(StatusCode code);

// A success, or a failure with a code and a message that names the file,
// page or field concerned. Cheap to copy on success.
class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message) { return {StatusCode::kInvalidArgument, std::move(message)}; }
  static Status NotFound(std::string message) { return {StatusCode::kNotFound, std::move(message)}; }
  static Status Corrupt(std::string message) { return {StatusCode::kCorrupt, std::move(message)}; }
  static Status IoError(std::string message) { return {StatusCode::kIoError, std::move(message)}; }
  static Status LimitExceeded(std::string message) { return {StatusCode::kLimitExceeded, std::move(message)}; }
  static Status Unavailable(std::string message) { return {StatusCode::kUnavailable, std::move(message)}; }
  static Status FailedPrecondition(std::string message) { return {StatusCode::kFailedPrecondition, std::move(message)}; }
  static Status Unimplemented(std::string message) { return {StatusCode::kUnimplemented, std::move(message)}; }
  static Status Internal(std::string message) { return {StatusCode::kInternal, std::move(message)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "ok" or "<code name>: <message>".
  std::string ToString() const;

  // The same failure with `context` (a file name, a field) put in front of
  // the message: "lot_0001.tiff: page 3: ...". An ok status stays ok.
  Status WithContext(std::string_view context) const;

  friend bool operator==(const Status&, const Status&) = default;

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value of type T, or the non-ok Status saying why there is none.
// Accessing value() of a failed Result is a programming error and aborts.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {  // NOLINT: implicit by design
    if (std::get<Status>(state_).ok()) std::abort();  // an ok Status carries no value
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // The failure, or an ok Status when there is a value.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(state_); }

  const T& value() const& { return std::get<T>(CheckOk()); }
  T& value() & { return std::get<T>(CheckOk()); }
  T&& value() && { return std::get<T>(std::move(CheckOk())); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  template <typename U>
  T value_or(U&& fallback) const& {
    return ok() ? std::get<T>(state_) : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  const std::variant<T, Status>& CheckOk() const {
    if (!ok()) std::abort();
    return state_;
  }
  std::variant<T, Status>& CheckOk() {
    if (!ok()) std::abort();
    return state_;
  }
  std::variant<T, Status> state_;
};

namespace status_internal {
// The Status of a Status or of a Result<T>, for LIASSE_RETURN_IF_ERROR.
inline const Status& StatusOf(const Status& status) { return status; }
template <typename T>
Status StatusOf(const Result<T>& result) { return result.status(); }
}  // namespace status_internal

}  // namespace liasse

#define LIASSE_STATUS_CONCAT_INNER(a, b) a##b
#define LIASSE_STATUS_CONCAT(a, b) LIASSE_STATUS_CONCAT_INNER(a, b)

// Evaluates `expr` (a Status or a Result<T>) once; when it failed, returns its
// Status unchanged from the enclosing function (which returns Status or
// Result<U>). A value of a Result is discarded. Abseil's idiom:
//   LIASSE_RETURN_IF_ERROR(db.Exec("BEGIN"));
#define LIASSE_RETURN_IF_ERROR(expr)                                                      \
  do {                                                                                     \
    if (::liasse::Status liasse_status_if_error_ = ::liasse::status_internal::StatusOf(expr); \
        !liasse_status_if_error_.ok())                                                     \
      return liasse_status_if_error_;                                                      \
  } while (false)

// Evaluates `expr` (a Result<T>) once; when it failed, returns its Status from
// the enclosing function, otherwise moves the value into `lhs`, which may
// declare a variable of the enclosing scope:
//   LIASSE_ASSIGN_OR_RETURN(auto lot, ReadLot(path));
// `lhs` must not contain an unparenthesised comma.
#define LIASSE_ASSIGN_OR_RETURN(lhs, expr) \
  LIASSE_ASSIGN_OR_RETURN_IMPL(LIASSE_STATUS_CONCAT(liasse_result_, __COUNTER__), lhs, expr)
#define LIASSE_ASSIGN_OR_RETURN_IMPL(result, lhs, expr) \
  auto result = (expr);                                 \
  if (!result.ok()) return result.status();             \
  lhs = std::move(result).value()
