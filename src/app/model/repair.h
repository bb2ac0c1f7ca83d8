// Turns any document into one the engine accepts, changing as little as it can, and
// says what it changed. Used for links (a bad hash value is replaced by the nearest
// valid one) and setState; the controls instead show the engine's message.
#pragma once

#include <string>
#include <vector>

#include "app/model/document.h"
#include "engine/status.h"

namespace convplay::app {

// The engine's verdict on the document's shapes and parameters (no arithmetic).
Status check_document(const Document& doc);

void repair_document(Document* doc, std::vector<std::string>* notes);

// The largest divisor of both channel counts that is <= groups (>= 1).
int nearest_valid_groups(int in_channels, int out_channels, int groups);

}  // namespace convplay::app
