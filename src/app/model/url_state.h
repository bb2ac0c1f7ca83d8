// The page state as `key=value&...` text (CONTRACT.md §4): the URL hash, what
// window.convplay.setState passes in, and the page's query for embed options. Reading
// never fails: a bad value is replaced by the nearest valid one and a note says so. The
// keys themselves are in state_keys.h.
#pragma once

#include <string>
#include <vector>

#include "app/model/document.h"
#include "app/model/state_keys.h"

namespace convplay::app {

// Longer state text is refused before any work, with one note (a 2 MB hash once took
// seconds to read). The hash writer leaves edited values out rather than exceed it.
constexpr size_t kMaxStateTextBytes = 64 * 1024;

enum class QueryKind {
  kState,      // a hash or setState: every key but the embed options; unknown keys noted
  kPageQuery,  // the page's `?...`: the embed options only; anything else is the host's
};

// Applies the keys found in `text` (leading '#' or '?' allowed) to *state, leaving the
// others as they are, then repairs what the engine would reject and sizes the tensors.
// A host's suffix (WordPress's `#?secret=...`) is ignored. Notes are appended to *notes.
void apply_query(const std::string& text, PageState* state, std::vector<std::string>* notes,
                 QueryKind kind = QueryKind::kState);
// The document keys only (the view is left at its defaults).
void apply_query(const std::string& text, Document* doc, std::vector<std::string>* notes);

// The canonical hash (without '#'): every key the state needs, in the table's order.
std::string format_hash(PageStateRef state);
std::string format_hash(const Document& doc);

}  // namespace convplay::app
