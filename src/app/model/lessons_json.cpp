// The lesson files' JSON reader: strict JSON (RFC 8259), recursive descent, with lines.
#include "app/model/lessons_json.h"

#include <cstdlib>

namespace convplay::app {

namespace {

constexpr int kMaxDepth = 32;  // lesson files nest four levels; anything deeper is a mistake

class Reader {
 public:
  explicit Reader(const std::string& text) : text_(text) {}

  bool document(JsonValue* out) {
    skip_space();
    if (!value(out, 0)) return false;
    skip_space();
    if (pos_ != text_.size()) return fail("unexpected text after the end of the document");
    return true;
  }
  const std::string& error() const { return error_; }

 private:
  bool fail(const std::string& what) {
    if (error_.empty()) error_ = "line " + std::to_string(line_) + ": " + what;
    return false;
  }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  void skip_space() {
    while (!at_end()) {
      const char c = text_[pos_];
      if (c == '\n') ++line_;
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      ++pos_;
    }
  }
  bool literal(const char* word) {
    for (const char* c = word; *c != '\0'; ++c, ++pos_) {
      if (peek() != *c) return fail(std::string("expected '") + word + "'");
    }
    return true;
  }

  bool value(JsonValue* out, int depth) {
    if (depth > kMaxDepth) return fail("nested too deeply");
    out->line = line_;
    const char c = peek();
    if (c == '{') return object(out, depth);
    if (c == '[') return array(out, depth);
    if (c == '"') {
      out->type = JsonValue::Type::kString;
      return string(&out->string);
    }
    if (c == 't' || c == 'f') {
      out->type = JsonValue::Type::kBool;
      out->boolean = c == 't';
      return literal(c == 't' ? "true" : "false");
    }
    if (c == 'n') return literal("null");
    if (c == '-' || (c >= '0' && c <= '9')) return number(out);
    return fail(at_end() ? "unexpected end of file" : std::string("unexpected '") + c + "'");
  }

  bool number(JsonValue* out) {
    const size_t start = pos_;
    while (!at_end() && std::string("+-0123456789.eE").find(peek()) != std::string::npos) ++pos_;
    const std::string digits = text_.substr(start, pos_ - start);
    char* end = nullptr;
    out->number = std::strtod(digits.c_str(), &end);
    if (end == nullptr || *end != '\0') return fail("bad number '" + digits + "'");
    out->type = JsonValue::Type::kNumber;
    return true;
  }

  static void append_utf8(unsigned code, std::string* out) {
    if (code < 0x80) {
      *out += static_cast<char>(code);
    } else if (code < 0x800) {
      *out += static_cast<char>(0xC0 | (code >> 6));
      *out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      *out += static_cast<char>(0xE0 | (code >> 12));
      *out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      *out += static_cast<char>(0xF0 | (code >> 18));
      *out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      *out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  bool hex4(unsigned* code) {
    if (pos_ + 4 > text_.size()) return fail("short \\u escape");
    *code = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = text_[pos_++];
      const int digit = h >= '0' && h <= '9'   ? h - '0'
                        : h >= 'a' && h <= 'f' ? h - 'a' + 10
                        : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                               : -1;
      if (digit < 0) return fail("bad \\u escape");
      *code = *code * 16 + static_cast<unsigned>(digit);
    }
    return true;
  }

  bool string(std::string* out) {
    ++pos_;  // the opening quote
    while (true) {
      if (at_end()) return fail("unterminated string");
      const char c = text_[pos_++];
      if (c == '"') return true;
      if (c == '\n') return fail("line break inside a string (write \\n)");
      if (c != '\\') {
        *out += c;
        continue;
      }
      const char e = peek();
      ++pos_;
      switch (e) {
        case '"': *out += '"'; break;
        case '\\': *out += '\\'; break;
        case '/': *out += '/'; break;
        case 'b': *out += '\b'; break;
        case 'f': *out += '\f'; break;
        case 'n': *out += '\n'; break;
        case 'r': *out += '\r'; break;
        case 't': *out += '\t'; break;
        case 'u': {
          unsigned code = 0;
          if (!hex4(&code)) return false;
          if (code >= 0xD800 && code < 0xDC00 && text_.compare(pos_, 2, "\\u") == 0) {
            pos_ += 2;
            unsigned low = 0;
            if (!hex4(&low)) return false;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(code, out);
          break;
        }
        default: return fail(std::string("bad escape '\\") + e + "'");
      }
    }
  }

  bool array(JsonValue* out, int depth) {
    out->type = JsonValue::Type::kArray;
    ++pos_;
    skip_space();
    if (peek() == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_space();
      out->items.emplace_back();
      if (!value(&out->items.back(), depth + 1)) return false;
      skip_space();
      if (peek() == ']') {
        ++pos_;
        return true;
      }
      if (peek() != ',') return fail("expected ',' or ']' in a list");
      ++pos_;
    }
  }

  bool object(JsonValue* out, int depth) {
    out->type = JsonValue::Type::kObject;
    ++pos_;
    skip_space();
    if (peek() == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_space();
      if (peek() != '"') return fail("expected a key in quotes");
      std::string key;
      if (!string(&key)) return false;
      if (out->find(key) != nullptr) return fail("key '" + key + "' given twice");
      skip_space();
      if (peek() != ':') return fail("expected ':' after '" + key + "'");
      ++pos_;
      skip_space();
      out->members.emplace_back(key, JsonValue{});
      if (!value(&out->members.back().second, depth + 1)) return false;
      skip_space();
      if (peek() == '}') {
        ++pos_;
        return true;
      }
      if (peek() != ',') return fail("expected ',' or '}' after a value (a missing comma?)");
      ++pos_;
    }
  }

  const std::string& text_;
  size_t pos_ = 0;
  int line_ = 1;
  std::string error_;
};

}  // namespace

const JsonValue* JsonValue::find(const std::string& key) const {
  for (const auto& member : members) {
    if (member.first == key) return &member.second;
  }
  return nullptr;
}

bool parse_json(const std::string& text, JsonValue* out, std::string* error) {
  Reader reader(text);
  *out = JsonValue{};
  if (reader.document(out)) return true;
  *error = reader.error();
  return false;
}

}  // namespace convplay::app
