// Every key of the page's state, declared once with its parser, formatter, repair rule
// and default (as sokol_args.h reads every option through one API). The URL hash, the
// hash writer, getState()/setState() and the embed options all go through this table.
#pragma once

#include <string>
#include <vector>

#include "app/model/document.h"
#include "app/model/ranges.h"
#include "app/model/view_state.h"

namespace convplay::app {

// What a link holds: what was computed, and how it was shown.
struct PageState {
  Document doc;
  ViewState view;
};

// The same, read in place: the app keeps its document and view apart, and writing the
// hash must not copy the tensors.
struct PageStateRef {
  PageStateRef(const Document& d, const ViewState& v) : doc(d), view(v) {}
  PageStateRef(const PageState& state) : doc(state.doc), view(state.view) {}  // NOLINT: implicit on purpose
  const Document& doc;
  const ViewState& view;
};

enum class KeyScope {
  kDocument,  // read before repair: the parameters and presets
  kTensor,    // read after repair, once the tensors have their shapes: x, w, b
  kView,      // what is shown: tab, anim, speed, lang, lesson, step, theme, ui
  kEmbed,     // the page's own query (?embed=1&panels=...); read, never written
};

// What reading a value did: taken as given, or repaired (clamped, or the old value kept)
// with a note saying so.
enum class KeyRead { kAccepted, kRepaired };

struct StateKey {
  const char* name;
  const char* alias;  // getState's name when it differs (setState accepts both), or nullptr
  KeyScope scope;
  const char* default_value;  // what a state without the key holds (README's table)
  KeyRead (*parse)(const std::string& value, PageState* state, std::vector<std::string>* notes);
  std::string (*format)(PageStateRef state);  // the value in the hash's syntax
  bool (*written)(PageStateRef state);  // whether the canonical hash carries the key
  // getState's value as JSON, or nullptr: the format text as a number when it reads as
  // one, else as a string. Keys of the embed scope are not in getState.
  std::string (*json)(PageStateRef state);
  // The per-axis field the key sets (repair keeps fields given validly), or -1.
  int field;
};

const std::vector<StateKey>& state_keys();
// By name or alias; nullptr for an unknown key.
const StateKey* find_state_key(const std::string& name);

// "3" or "3x2": the contract's way of writing a per-axis value.
std::string format_pair(const IntPair& pair);
// Numbers as a JSON array, each as exact as a float is.
std::string json_numbers(const std::vector<float>& values);
// A float as JSON or hash text ("%.*g"), never NaN or infinity.
std::string format_number(double value, int digits);

}  // namespace convplay::app
