// The rule behind each engine error, in Chinese: PyTorch's message stays verbatim in English
// (what people search for) and, in Chinese, this short explanation follows it.
#pragma once

#include <vector>

#include "app/model/view_state.h"
#include "engine/status.h"

namespace convplay::app {

// The explanation to show under the engine's message in `lang`, or nullptr (English needs
// none: the message says it; kOk has none).
const char* error_rule(ErrorCode code, Lang lang);

// Every rule of `lang` (for the Chinese font's glyph ranges).
std::vector<const char*> error_rules(Lang lang);

}  // namespace convplay::app
