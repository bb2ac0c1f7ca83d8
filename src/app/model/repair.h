// Turns any document into one the engine accepts, changing as little as it can, and
// says what it changed. Used for links (a bad hash value is replaced by the nearest
// valid one) and setState; the controls instead narrow their ranges (ranges.h).
#pragma once

#include <string>
#include <vector>

#include "app/model/document.h"
#include "app/model/ranges.h"
#include "engine/status.h"

namespace convplay::app {

// How a per-axis field came to hold its value, in the order repair changes fields: first
// the ones a link gave badly (already replaced once), then the ones it did not give, and
// only when nothing else helps the ones it gave validly.
enum class KeyTrust { kRepaired, kAbsent, kGiven };

struct FieldTrust {
  KeyTrust of[kAxisFieldCount] = {KeyTrust::kAbsent, KeyTrust::kAbsent, KeyTrust::kAbsent,
                                  KeyTrust::kAbsent, KeyTrust::kAbsent, KeyTrust::kAbsent};
};

// The engine's verdict on the document's shapes and parameters (no arithmetic).
Status check_document(const Document& doc);

// Moves one axis of one field at a time to the nearest value valid with the rest
// (ranges.h), least trusted fields first; groups and padding modes the engine rejects
// fall back to their nearest valid choice. Appends one note when anything changed.
void repair_document(Document* doc, std::vector<std::string>* notes,
                     const FieldTrust& trust = FieldTrust{});

}  // namespace convplay::app
