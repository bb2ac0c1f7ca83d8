// A tensor's values, shared by the copies of a Document until one of them is written
// (copy-on-write): copying a document into history or beside a result costs nothing, and
// two copies that still share their buffer are equal without looking at a value.
#pragma once

#include <memory>
#include <vector>

namespace convplay::app {

class SharedValues {
 public:
  SharedValues() = default;
  explicit SharedValues(std::vector<float> values)
      : buffer_(std::make_shared<std::vector<float>>(std::move(values))) {}
  SharedValues& operator=(std::vector<float> values) {
    buffer_ = std::make_shared<std::vector<float>>(std::move(values));
    return *this;
  }

  // Reading never copies. There is deliberately no non-const operator[]: a read through a
  // non-const document must not take a private copy of a 3 MB image.
  const std::vector<float>& values() const { return buffer_ ? *buffer_ : no_values(); }
  operator const std::vector<float>&() const { return values(); }
  size_t size() const { return values().size(); }
  bool empty() const { return values().empty(); }
  const float& operator[](size_t i) const { return values()[i]; }
  const float* data() const { return values().data(); }
  std::vector<float>::const_iterator begin() const { return values().begin(); }
  std::vector<float>::const_iterator end() const { return values().end(); }

  // The one way to write: takes a private copy first if another document shares the buffer.
  std::vector<float>& edit() {
    if (!buffer_) {
      buffer_ = std::make_shared<std::vector<float>>();
    } else if (buffer_.use_count() > 1) {
      buffer_ = std::make_shared<std::vector<float>>(*buffer_);
    }
    return *buffer_;
  }
  void clear() { buffer_.reset(); }

  // O(1) when both share a buffer (the usual case for an unchanged document).
  bool shares_buffer_with(const SharedValues& o) const { return buffer_ == o.buffer_; }
  friend bool operator==(const SharedValues& a, const SharedValues& b) {
    return a.shares_buffer_with(b) || a.values() == b.values();
  }
  friend bool operator!=(const SharedValues& a, const SharedValues& b) { return !(a == b); }
  friend bool operator==(const SharedValues& a, const std::vector<float>& b) {
    return a.values() == b;
  }
  friend bool operator==(const std::vector<float>& a, const SharedValues& b) { return b == a; }

 private:
  static const std::vector<float>& no_values() {
    static const std::vector<float> none;
    return none;
  }
  std::shared_ptr<std::vector<float>> buffer_;
};

}  // namespace convplay::app
