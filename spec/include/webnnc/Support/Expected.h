// SPDX-License-Identifier: Apache-2.0
// A value or an error, for APIs that report failures as values.
#ifndef WEBNNC_SUPPORT_EXPECTED_H_
#define WEBNNC_SUPPORT_EXPECTED_H_

#include <type_traits>
#include <utility>
#include <variant>

namespace webnnc {

// Marks a value as the error, where the value and error types are the same.
template <typename E> struct Unexpected {
  E error;
};
template <typename E> Unexpected<E> makeUnexpected(E error) {
  return {std::move(error)};
}

template <typename T, typename E> class Expected {
public:
  Expected(T value) : storage_(std::in_place_index<0>, std::move(value)) {}
  Expected(E error)
    requires(!std::is_same_v<T, E>)
      : storage_(std::in_place_index<1>, std::move(error)) {}
  Expected(Unexpected<E> error)
      : storage_(std::in_place_index<1>, std::move(error.error)) {}

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
