// window.convplay.getState()'s answer as JSON text: the hash keys with the hash's own
// values (numbers where the hash has one integer, "hxw" strings for pairs), the shapes
// as [N, C, H, W], and the tensors as plain number arrays.
#pragma once

#include <string>
#include <vector>

#include "app/model/compute.h"
#include "app/model/document.h"

namespace convplay::app {

std::string make_state_json(const Document& doc, const Computer& computer,
                            const std::vector<std::string>& notes, const std::string& hash);

}  // namespace convplay::app
