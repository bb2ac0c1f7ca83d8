// window.convplay.getState()'s answer as JSON text: every state key of the table (hash
// names, or getState's own: input, weight, biasValues) with the hash's values (numbers
// where the hash has a number, "hxw" strings for pairs), the shapes as [N, C, H, W], the
// output, and the notes.
#pragma once

#include <string>
#include <vector>

#include "app/model/compute.h"
#include "app/model/state_keys.h"

namespace convplay::app {

// getState's derived values (shapes, output, hash, ...): setState ignores them without a
// note, so that an object from getState can be passed back.
bool is_derived_state_json_key(const std::string& name);

// `text` as a JSON string, quotes included (also for the lessons' JSON, lessons_page.cpp).
std::string json_quoted(const std::string& text);

std::string make_state_json(PageStateRef state, const Computer& computer,
                            const std::vector<std::string>& notes, const std::string& hash);

}  // namespace convplay::app
