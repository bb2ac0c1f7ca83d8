// Reading and writing `key=value&...` text through the state keys table, in one pass:
// the text is capped before any work, split once, and each key looked up once.
#include "app/model/url_state.h"

#include <algorithm>
#include <cstdio>

#include "app/model/repair.h"
#include "app/model/state_json.h"
#include "app/model/text.h"

namespace convplay::app {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding, so that links pasted from chat apps still read.
std::string url_decode(const std::string& text, size_t begin, size_t end) {
  std::string out;
  out.reserve(end - begin);
  for (size_t i = begin; i < end; ++i) {
    if (text[i] == '%' && i + 2 < end) {
      const int high = hex_digit(text[i + 1]), low = hex_digit(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i] == '+' ? ' ' : text[i];
  }
  return out;
}

// Where the state ends: a host page may append its own suffix, such as WordPress's
// `#?secret=...` on an embed's address.
size_t state_end(const std::string& text) {
  const size_t suffix = text.find("#?");
  const size_t secret = text.find("?secret=");
  return std::min(suffix, secret) == std::string::npos ? text.size() : std::min(suffix, secret);
}

bool scope_allowed(KeyScope scope, QueryKind kind) {
  return kind == QueryKind::kPageQuery ? scope == KeyScope::kEmbed : scope != KeyScope::kEmbed;
}

// Reads the keys of one scope in the table's order; records which per-axis fields were
// given and how they read.
void read_scope(KeyScope scope, const std::vector<const std::string*>& given, PageState* state,
                std::vector<std::string>* notes, FieldTrust* trust) {
  const std::vector<StateKey>& keys = state_keys();
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].scope != scope || given[i] == nullptr) continue;
    const KeyRead read = keys[i].parse(*given[i], state, notes);
    if (keys[i].field >= 0) {
      trust->of[keys[i].field] = read == KeyRead::kAccepted ? KeyTrust::kGiven : KeyTrust::kRepaired;
    }
  }
}

}  // namespace

void apply_query(const std::string& raw, PageState* state, std::vector<std::string>* notes,
                 QueryKind kind) {
  if (raw.size() > kMaxStateTextBytes) {
    char buffer[200];
    std::snprintf(buffer, sizeof buffer, text().note_too_long_fmt,
                  static_cast<int>(raw.size() / 1024), static_cast<int>(kMaxStateTextBytes / 1024));
    notes->push_back(buffer);
    return;
  }
  // Split once; the last value of a key wins.
  const std::vector<StateKey>& keys = state_keys();
  std::vector<const std::string*> given(keys.size(), nullptr);
  std::vector<std::string> storage(keys.size());
  int unknown = 0;
  std::string unknown_names;
  const size_t end = state_end(raw);
  size_t start = !raw.empty() && (raw[0] == '#' || raw[0] == '?') ? 1 : 0;
  while (start < end) {
    size_t item_end = raw.find('&', start);
    if (item_end == std::string::npos || item_end > end) item_end = end;
    const size_t eq = raw.find('=', start);
    if (eq != std::string::npos && eq > start && eq < item_end && raw[start] != '?') {
      const std::string name = url_decode(raw, start, eq);
      const StateKey* key = find_state_key(name);
      if (key != nullptr && scope_allowed(key->scope, kind)) {
        const size_t index = static_cast<size_t>(key - keys.data());
        storage[index] = url_decode(raw, eq + 1, item_end);
        given[index] = &storage[index];
      } else if (key == nullptr && kind == QueryKind::kState && !is_derived_state_json_key(name)) {
        if (++unknown <= 3) unknown_names += (unknown > 1 ? ", " : "") + name.substr(0, 24);
      }
    }
    start = item_end + 1;
  }

  const Document before = state->doc;
  FieldTrust trust;
  read_scope(KeyScope::kDocument, given, state, notes, &trust);
  read_scope(KeyScope::kView, given, state, notes, &trust);
  read_scope(KeyScope::kEmbed, given, state, notes, &trust);
  if (kind == QueryKind::kState) {
    Document& doc = state->doc;
    repair_document(&doc, notes, trust);
    // Tensors follow the shapes; a new preset refills.
    if (doc.input_preset != before.input_preset || !doc.input_edited) doc.input.clear();
    if (doc.weight_preset != before.weight_preset || !doc.weight_edited) doc.weight.clear();
    conform_tensors(&doc, &before);
    read_scope(KeyScope::kTensor, given, state, notes, &trust);
  }
  // One note, however many unknown keys (the contract ignores them; a typo is worth a word).
  if (unknown > 0) {
    char buffer[300];
    std::snprintf(buffer, sizeof buffer, text().note_unknown_keys_fmt, unknown,
                  (unknown_names + (unknown > 3 ? ", \u2026" : "")).c_str());
    notes->push_back(buffer);
  }
}

void apply_query(const std::string& text, Document* doc, std::vector<std::string>* notes) {
  PageState state{*doc, ViewState{}};
  apply_query(text, &state, notes);
  *doc = std::move(state.doc);
}

std::string format_hash(PageStateRef state) {
  std::string hash;
  std::string tensors;  // last, and only if the whole still fits the cap
  for (const StateKey& key : state_keys()) {
    if (!key.written(state)) continue;
    std::string& out = key.scope == KeyScope::kTensor ? tensors : hash;
    if (!out.empty()) out += '&';
    out += key.name;
    out += '=';
    out += key.format(state);
  }
  if (!tensors.empty() && hash.size() + 1 + tensors.size() <= kMaxStateTextBytes) {
    hash += '&' + tensors;
  }
  return hash;
}

std::string format_hash(const Document& doc) { return format_hash(PageStateRef(doc, ViewState{})); }

}  // namespace convplay::app
