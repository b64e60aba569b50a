// SPDX-License-Identifier: Apache-2.0
// A value or an error, for APIs that report failures as values.
#ifndef WEBNNC_SUPPORT_EXPECTED_H_
#define WEBNNC_SUPPORT_EXPECTED_H_

#include <utility>
#include <variant>

namespace webnnc {

template <typename T, typename E> class Expected {
public:
  Expected(T value) : storage_(std::in_place_index<0>, std::move(value)) {}
  Expected(E error) : storage_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return storage_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T &value() const & { return std::get<0>(storage_); }
  T &value() & { return std::get<0>(storage_); }
  T &&value() && { return std::get<0>(std::move(storage_)); }
  const T &operator*() const & { return value(); }
  T &operator*() & { return value(); }
  T &&operator*() && { return std::move(*this).value(); }
  const T *operator->() const { return &value(); }
  T *operator->() { return &value(); }

  const E &error() const { return std::get<1>(storage_); }

private:
  std::variant<T, E> storage_;
};

} // namespace webnnc

#endif // WEBNNC_SUPPORT_EXPECTED_H_
