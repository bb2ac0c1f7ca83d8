// Formats values the way PyTorch prints them in its error messages.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace convplay {

// [1, 4, 5, 5]
std::string format_list(const std::vector<int64_t>& values);
// The same for a Dims4.
std::string format_dims(const std::array<int64_t, 4>& values);

// Concatenates the decimal forms of its arguments: cat("got ", 3, " channels").
inline void append_piece(std::string& out, const std::string& s) { out += s; }
inline void append_piece(std::string& out, const char* s) { out += s; }
inline void append_piece(std::string& out, int64_t v) { out += std::to_string(v); }
inline void append_piece(std::string& out, int v) { out += std::to_string(v); }

template <typename... Parts>
std::string cat(const Parts&... parts) {
  std::string out;
  (append_piece(out, parts), ...);
  return out;
}

}  // namespace convplay
