// The document as `key=value&...` text (CONTRACT.md §4): the URL hash, and what
// window.convplay.setState passes in. Reading never fails: a bad value is replaced by
// the nearest valid one and a note says so.
#pragma once

#include <string>
#include <vector>

#include "app/model/document.h"

namespace convplay::app {

// Applies the keys found in `text` (leading '#' allowed) to *doc, leaving other fields as
// they are, then repairs what the engine would reject and sizes the tensors. Notes for
// the user are appended to *notes.
void apply_query(const std::string& text, Document* doc, std::vector<std::string>* notes);

// The canonical hash (without '#'): every contract key, plus the tensors' values when edited.
std::string format_hash(const Document& doc);

// "3" or "3x2": the contract's way of writing a per-axis value.
std::string format_pair(const IntPair& pair);

}  // namespace convplay::app
