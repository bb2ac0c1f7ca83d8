// The formulas a lesson step can highlight, written out with the step's own numbers
// ("H_out = (2 − 1)·1 − 2·0 + 1·(3 − 1) + 0 + 1 = 4"), so the prose never repeats them by hand.
#pragma once

#include <string>

#include "app/model/document.h"
#include "app/model/lessons.h"
#include "app/model/view_state.h"

namespace convplay::app {

bool is_formula_id(const std::string& id);
std::string formula_ids();  // for error messages: "conv2d_size, conv_transpose2d_size, as_conv"
// Whether the formula is about the document's op (conv2d_size needs Conv2d with explicit padding).
bool formula_applies(const std::string& id, const Document& doc);
// One line per axis (one when H and W agree), in `lang` (as_conv's words come from `texts`).
std::string formula_text(const std::string& id, const Document& doc, Lang lang, const LessonTexts& texts);

}  // namespace convplay::app
